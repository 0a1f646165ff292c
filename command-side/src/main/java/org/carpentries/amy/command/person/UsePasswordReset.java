package org.carpentries.amy.command.person;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a person's password through an unused, unexpired reset link at {@code at}, which ends their sessions; a used or expired link is rejected. */
public record UsePasswordReset(@TargetAggregateIdentifier UUID personId, UUID resetId, String passwordHash, Instant at) {
}
