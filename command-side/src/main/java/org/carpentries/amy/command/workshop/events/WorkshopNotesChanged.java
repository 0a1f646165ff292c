package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The notes about the workshop now read {@code notes}. */
@Revision("1")
public record WorkshopNotesChanged(UUID workshopId, String notes) implements WorkshopEvent {
}
