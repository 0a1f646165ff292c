package org.carpentries.amy.command.badge.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The badge is now awarded for {@code criteria}. */
@Revision("1")
public record BadgeCriteriaChanged(UUID badgeId, String criteria) implements BadgeEvent {
}
