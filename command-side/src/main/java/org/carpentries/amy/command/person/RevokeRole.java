package org.carpentries.amy.command.person;

import java.util.UUID;
import org.carpentries.amy.command.person.events.LoginRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a role from a person, effective on their next request. Nobody changes their own roles; revoking a role not held changes nothing. */
public record RevokeRole(@TargetAggregateIdentifier UUID personId, LoginRole role) {
}
