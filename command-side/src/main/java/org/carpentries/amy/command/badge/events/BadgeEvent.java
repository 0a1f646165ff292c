package org.carpentries.amy.command.badge.events;

import java.util.UUID;

/** Every fact about one badge. */
public interface BadgeEvent {
    UUID badgeId();
}
