package org.carpentries.amy.command.restore;

import java.util.List;

/** How a restore changes one record: each field now and after. */
public record RecordDiff(RecordRef record, List<FieldChange> changes) {

    /** One field: its value now ({@code old}) and once restored ({@code new}). */
    public record FieldChange(String field, Object old, @com.fasterxml.jackson.annotation.JsonProperty("new")
            Object newValue) {
    }
}
