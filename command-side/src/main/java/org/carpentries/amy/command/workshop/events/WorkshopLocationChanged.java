package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The workshop now takes place here. */
@Revision("1")
public record WorkshopLocationChanged(UUID workshopId, String country, String venue, String address, Double latitude, Double longitude) implements WorkshopEvent {
}
