package org.carpentries.amy.command.airport;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop an airport from being newly chosen. Retiring a retired airport changes nothing. */
public record RetireAirport(@TargetAggregateIdentifier UUID airportId) {
}
