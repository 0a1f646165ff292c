package org.carpentries.amy.command;

/** The record a command or query names does not exist. */
public class RecordNotFound extends RuleViolation {

    public RecordNotFound(String kind, Object reference) {
        super(kind + "-not-found", "No " + kind.replace('-', ' ') + " " + reference + ".");
    }
}
