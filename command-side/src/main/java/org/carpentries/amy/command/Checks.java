package org.carpentries.amy.command;

import java.util.ArrayList;
import java.util.List;

/** Collects shape errors of one command and throws them together. */
public final class Checks {

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    public Checks fail(String field, String code, String message) {
        errors.add(new InvalidInput.FieldError(field, code, message));
        return this;
    }

    public Checks require(boolean condition, String field, String code, String message) {
        return condition ? this : fail(field, code, message);
    }

    public Checks maxLength(String value, int max, String field) {
        return require(value == null || value.codePointCount(0, value.length()) <= max, field, "too-long",
                "Must be at most " + max + " characters.");
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    /** Trims, and turns an empty string into null, as AMY stored empty unique fields. */
    public static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trims, and turns null into the empty string, for AMY's text fields that default to "". */
    public static String nullToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
