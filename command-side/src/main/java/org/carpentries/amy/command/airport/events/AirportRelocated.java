package org.carpentries.amy.command.airport.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The airport now stands at these coordinates in {@code country}: all three, whichever of them changed. */
@Revision("1")
public record AirportRelocated(UUID airportId, String country, Double latitude, Double longitude)
        implements AirportEvent {
}
