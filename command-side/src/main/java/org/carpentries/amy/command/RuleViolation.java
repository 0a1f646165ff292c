package org.carpentries.amy.command;

/** A domain rule said no. The {@link #code()} is stable and kebab-case; the message is for people. */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
