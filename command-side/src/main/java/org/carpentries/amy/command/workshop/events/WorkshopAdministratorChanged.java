package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Another organisation (or none, when null) now administers the workshop. */
@Revision("1")
public record WorkshopAdministratorChanged(UUID workshopId, UUID administratorId) implements WorkshopEvent {
}
