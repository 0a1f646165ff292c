package org.carpentries.amy.query.airports;

import java.time.Instant;
import java.util.UUID;

/** An airport as lists and details show it. */
public record AirportView(UUID id, String iata, String fullname, String country, double latitude, double longitude,
                          boolean retired, long version, Instant createdAt, Instant updatedAt) {
}
