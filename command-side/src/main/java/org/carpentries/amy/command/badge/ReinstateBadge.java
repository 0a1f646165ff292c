package org.carpentries.amy.command.badge;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a retired badge be awarded again. Reinstating an active badge changes nothing. */
public record ReinstateBadge(@TargetAggregateIdentifier UUID badgeId) {
}
