package org.carpentries.amy.command.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a badge back from a person (an event, never a delete); revoking one they lack changes nothing. */
public record RevokeAward(@TargetAggregateIdentifier UUID personId, UUID badgeId) {
}
