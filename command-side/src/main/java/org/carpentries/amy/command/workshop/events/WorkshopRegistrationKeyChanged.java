package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop's Eventbrite key is now {@code registrationKey}. */
@Revision("1")
public record WorkshopRegistrationKeyChanged(UUID workshopId, String registrationKey) implements WorkshopEvent {
}
