package org.carpentries.amy.command.person;

import java.util.UUID;
import org.carpentries.amy.command.person.events.LoginRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a person a role. Nobody changes their own roles; granting a held role changes nothing. */
public record GrantRole(@TargetAggregateIdentifier UUID personId, LoginRole role) {
}
