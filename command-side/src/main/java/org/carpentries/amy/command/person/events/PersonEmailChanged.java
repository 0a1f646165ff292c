package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's email address changed (sealed; null when removed). */
@Revision("1")
public record PersonEmailChanged(UUID personId, Sealed email) implements PersonEvent {
}
