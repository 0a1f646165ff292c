package org.carpentries.amy.command.badge.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The badge can no longer be newly awarded; those who hold it keep it. */
@Revision("1")
public record BadgeRetired(UUID badgeId) implements BadgeEvent {
}
