package org.carpentries.amy.command.badge;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a badge from being newly awarded; touches no award. Retiring a retired badge changes nothing. */
public record RetireBadge(@TargetAggregateIdentifier UUID badgeId) {
}
