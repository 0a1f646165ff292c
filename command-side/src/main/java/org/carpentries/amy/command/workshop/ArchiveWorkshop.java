package org.carpentries.amy.command.workshop;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive a workshop (AMY deleted it): its slug and url are freed, its tags and history stay. */
public record ArchiveWorkshop(@TargetAggregateIdentifier UUID workshopId) {
}
