package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A tag no longer labels the workshop; the tag itself is untouched. */
@Revision("1")
public record TagUnassignedFromWorkshop(UUID workshopId, UUID tagId) implements WorkshopEvent {
}
