package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * This person was merged into another and is archived, like {@link PersonArchived}: hidden from lists, username,
 * email and handles freed, history kept. Its awards, qualifications, domains and tasks were given up by their own
 * events just before; awards it gave to others keep naming it. It cannot be restored on its own.
 */
@Revision("1")
public record PersonMergedInto(UUID personId, UUID survivorPersonId) implements PersonEvent {
}
