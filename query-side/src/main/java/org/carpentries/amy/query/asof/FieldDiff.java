package org.carpentries.amy.query.asof;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One field of a record between two instants: its value at the first and at the second. */
public record FieldDiff(String field, @JsonProperty("old") Object before, @JsonProperty("new") Object after) {
}
