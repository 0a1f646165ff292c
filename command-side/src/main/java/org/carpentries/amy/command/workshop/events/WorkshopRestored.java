package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An archived workshop is back, with its slug and url. */
@Revision("1")
public record WorkshopRestored(UUID workshopId) implements WorkshopEvent {
}
