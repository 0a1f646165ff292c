package org.carpentries.amy.command.workshop;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Label a workshop with a tag. Assigning a tag it already has changes nothing; a retired tag is rejected. */
public record AssignTagToWorkshop(@TargetAggregateIdentifier UUID workshopId, UUID tagId) {
}
