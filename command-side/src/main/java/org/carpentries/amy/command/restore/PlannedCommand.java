package org.carpentries.amy.command.restore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/** One command of a restore: its type, the record it goes to, its arguments as people read them, and itself. */
public record PlannedCommand(String type, RecordRef record, Map<String, Object> arguments,
                             @JsonIgnore Object command) {

    static PlannedCommand of(Object command, RecordRef record, Map<String, Object> arguments) {
        return new PlannedCommand(command.getClass().getSimpleName(), record, arguments, command);
    }
}
