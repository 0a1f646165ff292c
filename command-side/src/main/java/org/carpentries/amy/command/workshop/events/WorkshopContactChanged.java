package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop's contact line now reads {@code contact}. */
@Revision("1")
public record WorkshopContactChanged(UUID workshopId, String contact) implements WorkshopEvent {
}
