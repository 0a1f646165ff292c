package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** No more work is needed on the workshop. */
@Revision("1")
public record WorkshopCompleted(UUID workshopId) implements WorkshopEvent {
}
