package org.carpentries.amy.command.restore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/** One command of a restore: its type, the record it goes to, its arguments as people read them, and itself. */
public record PlannedCommand(String type, RecordRef record, Map<String, Object> arguments,
                             @JsonIgnore Object command) {

    static PlannedCommand of(Object command, RecordRef record, Map<String, Object> arguments) {
        return new PlannedCommand(command.getClass().getSimpleName(), record, arguments, command);
    }

    /** Arguments in the order given (an id, then its label), so answers read the same every time. */
    static Map<String, Object> arguments(String field, Object value, String otherField, Object otherValue) {
        Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put(field, value);
        arguments.put(otherField, otherValue);
        return arguments;
    }
}
