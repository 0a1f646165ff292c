package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's names are now these. */
@Revision("1")
public record PersonRenamed(UUID personId, String personal, String middle, String family) implements PersonEvent {
}
