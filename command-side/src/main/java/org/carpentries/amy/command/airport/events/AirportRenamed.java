package org.carpentries.amy.command.airport.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The airport's (unique) full name is now {@code fullname}. */
@Revision("1")
public record AirportRenamed(UUID airportId, String fullname) implements AirportEvent {
}
