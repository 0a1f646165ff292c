package org.carpentries.amy.command.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a person's password to a hash the API computed (commands are not stored; events never carry it). */
public record SetPassword(@TargetAggregateIdentifier UUID personId, String passwordHash) {
}
