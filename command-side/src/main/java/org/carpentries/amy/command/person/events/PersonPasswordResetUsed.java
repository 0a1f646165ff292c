package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A password reset link was used; it cannot be used again. */
@Revision("1")
public record PersonPasswordResetUsed(UUID personId, UUID resetId) implements PersonEvent {
}
