package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person now lists this knowledge domain. */
@Revision("1")
public record PersonDomainAdded(UUID personId, UUID domainId) implements PersonEvent {
}
