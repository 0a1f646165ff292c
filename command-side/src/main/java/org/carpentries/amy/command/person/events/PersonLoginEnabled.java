package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person may log in. */
@Revision("1")
public record PersonLoginEnabled(UUID personId) implements PersonEvent {
}
