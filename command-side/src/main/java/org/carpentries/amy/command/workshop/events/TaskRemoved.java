package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person no longer has this role at the workshop; the person and the role are untouched. */
@Revision("1")
public record TaskRemoved(UUID workshopId, UUID personId, UUID roleId) implements WorkshopEvent {
}
