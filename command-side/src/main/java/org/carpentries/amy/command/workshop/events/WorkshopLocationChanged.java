package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The workshop now takes place here. Revision 1 carried the location's fields loose beside the workshop id;
 * {@code WorkshopLocationChangedV1ToV2Upcaster} reads those as this revision.
 */
@Revision("2")
public record WorkshopLocationChanged(UUID workshopId, Location location) implements WorkshopEvent {
}
