package org.carpentries.amy.api.web;

import java.util.UUID;
import org.carpentries.amy.command.Change;

/** Client-chosen ids: a UUID in the body's {@code id}, or a new one. */
public final class Ids {

    private Ids() {
    }

    public static UUID optional(JsonFields json) {
        Change<String> given = json.text("id");
        if (given == null || given.value() == null) {
            return UUID.randomUUID();
        }
        try {
            return UUID.fromString(given.value());
        } catch (IllegalArgumentException e) {
            json.fail("id", "invalid-id", "An id must be a UUID.");
            return UUID.randomUUID();
        }
    }
}
