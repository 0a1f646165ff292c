package org.carpentries.amy.command.badge.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A badge now exists with this unique, never-changing name (such as {@code swc-instructor}). */
@Revision("1")
public record BadgeCreated(UUID badgeId, String name, String title, String criteria) implements BadgeEvent {
}
