package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop needs work again. */
@Revision("1")
public record WorkshopReopened(UUID workshopId) implements WorkshopEvent {
}
