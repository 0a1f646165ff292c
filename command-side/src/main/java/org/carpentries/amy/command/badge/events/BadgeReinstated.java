package org.carpentries.amy.command.badge.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A retired badge can be awarded again. */
@Revision("1")
public record BadgeReinstated(UUID badgeId) implements BadgeEvent {
}
