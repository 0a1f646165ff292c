package org.carpentries.amy.command.tag;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a tag from being assigned. Touches no workshop. Retiring a retired tag changes nothing. */
public record RetireTag(@TargetAggregateIdentifier UUID tagId) {
}
