package org.carpentries.amy.command.tag;

import java.util.Set;
import java.util.UUID;

/**
 * Retire a tag and unassign it from the given workshops, all in one unit of work: rejected as a whole when one of
 * them refuses (archived, or the tag is its last one). Each workshop and the tag record their own events.
 */
public record WithdrawTag(UUID tagId, Set<UUID> workshopIds) {

    public WithdrawTag {
        workshopIds = Set.copyOf(workshopIds);
    }
}
