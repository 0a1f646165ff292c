package org.carpentries.amy.command.workshop;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark that no more work is needed on a workshop. Marking a completed workshop changes nothing. */
public record MarkWorkshopCompleted(@TargetAggregateIdentifier UUID workshopId) {
}
