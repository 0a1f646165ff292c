package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop's (unique) slug is now {@code slug}; null means it has none. */
@Revision("1")
public record WorkshopSlugChanged(UUID workshopId, String slug) implements WorkshopEvent {
}
