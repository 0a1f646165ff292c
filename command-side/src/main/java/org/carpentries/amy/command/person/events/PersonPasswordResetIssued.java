package org.carpentries.amy.command.person.events;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A one-time link to set the person's password was issued; its token is never in an event. */
@Revision("1")
public record PersonPasswordResetIssued(UUID personId, UUID resetId, Instant expiresAt) implements PersonEvent {
}
