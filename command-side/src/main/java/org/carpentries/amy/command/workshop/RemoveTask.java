package org.carpentries.amy.command.workshop;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a role away from a person at a workshop; removing a task the workshop lacks changes nothing. */
public record RemoveTask(@TargetAggregateIdentifier UUID workshopId, UUID personId, UUID roleId) {
}
