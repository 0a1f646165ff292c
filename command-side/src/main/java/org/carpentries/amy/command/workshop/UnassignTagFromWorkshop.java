package org.carpentries.amy.command.workshop;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a tag from one workshop; the tag stays. Rejected when it is the workshop's last tag. */
public record UnassignTagFromWorkshop(@TargetAggregateIdentifier UUID workshopId, UUID tagId) {
}
