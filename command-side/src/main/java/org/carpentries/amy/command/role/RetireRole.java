package org.carpentries.amy.command.role;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a role from being newly chosen. Retiring a retired role changes nothing. */
public record RetireRole(@TargetAggregateIdentifier UUID roleId) {
}
