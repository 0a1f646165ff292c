package org.carpentries.amy.command.airport;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a retired airport be chosen again. Reinstating an active airport changes nothing. */
public record ReinstateAirport(@TargetAggregateIdentifier UUID airportId) {
}
