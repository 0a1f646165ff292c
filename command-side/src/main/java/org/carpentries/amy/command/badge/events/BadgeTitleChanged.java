package org.carpentries.amy.command.badge.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The badge's title now reads {@code title}. */
@Revision("1")
public record BadgeTitleChanged(UUID badgeId, String title) implements BadgeEvent {
}
