package org.carpentries.amy.command.airport.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The airport's IATA code is now {@code iata}; the old code is free again. */
@Revision("1")
public record AirportCodeChanged(UUID airportId, String iata) implements AirportEvent {
}
