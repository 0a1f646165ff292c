package org.carpentries.amy.command.airport.events;

import java.util.UUID;

/** Every fact about one airport. */
public interface AirportEvent {
    UUID airportId();
}
