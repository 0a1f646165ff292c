package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Another organisation now hosts the workshop. */
@Revision("1")
public record WorkshopHostChanged(UUID workshopId, UUID hostId) implements WorkshopEvent {
}
