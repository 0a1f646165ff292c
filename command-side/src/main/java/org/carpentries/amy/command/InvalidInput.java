package org.carpentries.amy.command;

import java.util.List;

/** Input that breaks a shape rule (a form rule, in AMY's terms), with every broken rule per field. */
public class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String code, String message) {
        return new InvalidInput(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One broken rule: which field, a stable code, and a message for people. */
    public record FieldError(String field, String code, String message) {
    }
}
