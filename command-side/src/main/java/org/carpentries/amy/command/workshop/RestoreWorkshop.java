package org.carpentries.amy.command.workshop;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Bring an archived workshop back. Rejected when its slug or url has been taken meanwhile, or when it was merged
 * into another workshop.
 */
public record RestoreWorkshop(@TargetAggregateIdentifier UUID workshopId) {
}
