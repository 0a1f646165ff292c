package org.carpentries.amy.command.airport.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A retired airport can be chosen again. */
@Revision("1")
public record AirportReinstated(UUID airportId) implements AirportEvent {
}
