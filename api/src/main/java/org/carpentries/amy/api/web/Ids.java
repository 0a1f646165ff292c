package org.carpentries.amy.api.web;

import java.util.UUID;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.query.References;

/** Client-chosen ids: a UUID in the body's {@code id}, or a new one. */
public final class Ids {

    private Ids() {
    }

    public static UUID optional(JsonFields json) {
        Change<String> given = json.text("id");
        if (given == null || given.value() == null) {
            return UUID.randomUUID();
        }
        return References.id(given.value()).orElseGet(() -> {
            json.fail("id", "invalid-id", "An id must be a UUID such as 123e4567-e89b-12d3-a456-426614174000.");
            return UUID.randomUUID();
        });
    }
}
