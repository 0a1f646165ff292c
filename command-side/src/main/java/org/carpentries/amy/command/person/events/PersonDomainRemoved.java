package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person no longer lists this knowledge domain. */
@Revision("1")
public record PersonDomainRemoved(UUID personId, UUID domainId) implements PersonEvent {
}
