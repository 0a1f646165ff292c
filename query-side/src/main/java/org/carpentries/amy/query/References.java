package org.carpentries.amy.query;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records are named by id or by a name (slug, tag name, domain). Only the canonical 8-4-4-4-12 form is an id:
 * {@code UUID.fromString} also accepts {@code 2026-12-19-ed-dc}, which is a slug.
 */
public final class References {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private References() {
    }

    public static Optional<UUID> id(String reference) {
        return reference != null && CANONICAL.matcher(reference).matches() ? Optional.of(UUID.fromString(reference))
                : Optional.empty();
    }
}
