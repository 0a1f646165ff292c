package org.carpentries.amy.command.restore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/** One step of a restore, a command: its type, the record it goes to, its arguments as people read them, and itself. */
public record RestoreStep(String type, RecordRef record, Map<String, Object> arguments,
                             @JsonIgnore Object command) {

    static RestoreStep of(Object command, RecordRef record, Map<String, Object> arguments) {
        return new RestoreStep(command.getClass().getSimpleName(), record, arguments, command);
    }

    /** Arguments in the order given (an id, then its label), so answers read the same every time. */
    static Map<String, Object> arguments(String field, Object value, String otherField, Object otherValue) {
        Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put(field, value);
        arguments.put(otherField, otherValue);
        return arguments;
    }
}
