package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person now has this role at the workshop (a task; person × workshop × role is unique). */
@Revision("1")
public record TaskAdded(UUID workshopId, UUID personId, UUID roleId) implements WorkshopEvent {
}
