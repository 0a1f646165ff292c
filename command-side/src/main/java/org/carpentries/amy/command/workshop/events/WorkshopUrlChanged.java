package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop's (unique) website URL is now {@code url}; null means it has none. */
@Revision("1")
public record WorkshopUrlChanged(UUID workshopId, String url) implements WorkshopEvent {
}
