package org.carpentries.amy.command.airport.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The airport can no longer be newly chosen; whoever already names it keeps it. */
@Revision("1")
public record AirportRetired(UUID airportId) implements AirportEvent {
}
