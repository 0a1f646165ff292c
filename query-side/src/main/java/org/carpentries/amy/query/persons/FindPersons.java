package org.carpentries.amy.query.persons;

import java.util.List;
import java.util.UUID;

/**
 * Which people to list: AMY's lookup {@code text} (personal, family, email, username; two words match personal and
 * family in either order), may-contact, archived (default: not archived), holders of all {@code badgeIds}, whether
 * they hold an instructor badge, their airport or its country, instructors at a workshop with tag {@code taughtTagId},
 * and a page (1-based). Without {@code textMatchesEmail} the lookup leaves emails out (for callers who may not see
 * them).
 */
public record FindPersons(String text, Boolean mayContact, boolean archived, List<UUID> badgeIds,
                          Boolean isInstructor, UUID airportId, String country, UUID taughtTagId, int page,
                          int pageSize, boolean textMatchesEmail) {

    /** AMY's instructor badges. */
    public static final List<String> INSTRUCTOR_BADGES = List.of("swc-instructor", "dc-instructor");

    public FindPersons(String text, Boolean mayContact, boolean archived, int page, int pageSize) {
        this(text, mayContact, archived, List.of(), null, null, null, null, page, pageSize, true);
    }

    public FindPersons {
        badgeIds = badgeIds == null ? List.of() : List.copyOf(badgeIds);
        page = Math.max(page, 1);
    }
}
