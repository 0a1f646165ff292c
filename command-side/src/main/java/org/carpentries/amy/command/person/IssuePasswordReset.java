package org.carpentries.amy.command.person;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue a one-time link that sets the person's password until {@code expiresAt}; only the token's hash is kept. */
public record IssuePasswordReset(@TargetAggregateIdentifier UUID personId, UUID resetId, String tokenHash, Instant expiresAt) {
}
