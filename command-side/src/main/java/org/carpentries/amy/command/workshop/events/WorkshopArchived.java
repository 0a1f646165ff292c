package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop is archived (AMY deleted it): hidden from lists and exports, its slug and url freed. */
@Revision("1")
public record WorkshopArchived(UUID workshopId) implements WorkshopEvent {
}
