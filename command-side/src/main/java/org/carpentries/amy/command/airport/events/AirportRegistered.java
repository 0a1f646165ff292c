package org.carpentries.amy.command.airport.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An airport is now known by its (unique, upper-case) IATA code and (unique) full name, at these coordinates. */
@Revision("1")
public record AirportRegistered(UUID airportId, String iata, String fullname, String country, Double latitude,
                                Double longitude) implements AirportEvent {
}
