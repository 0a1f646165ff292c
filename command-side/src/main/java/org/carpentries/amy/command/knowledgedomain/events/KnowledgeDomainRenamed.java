package org.carpentries.amy.command.knowledgedomain.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The knowledge domain is now named {@code name}; the old name is free again. */
@Revision("1")
public record KnowledgeDomainRenamed(UUID knowledgeDomainId, String name) implements KnowledgeDomainEvent {
}
