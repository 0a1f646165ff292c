package org.carpentries.amy.command.person;

import java.util.UUID;

/** An award someone else holds that names a person as {@code awarded_by}. */
public record GivenAward(UUID personId, UUID badgeId) {
}
