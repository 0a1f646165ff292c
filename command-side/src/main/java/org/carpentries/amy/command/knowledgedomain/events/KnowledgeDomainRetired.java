package org.carpentries.amy.command.knowledgedomain.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The knowledge domain can no longer be newly chosen; whoever already names it keeps it. */
@Revision("1")
public record KnowledgeDomainRetired(UUID knowledgeDomainId) implements KnowledgeDomainEvent {
}
