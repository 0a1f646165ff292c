package org.carpentries.amy.command.role;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a retired role be chosen again. Reinstating an active role changes nothing. */
public record ReinstateRole(@TargetAggregateIdentifier UUID roleId) {
}
