package org.carpentries.amy.command.knowledgedomain.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A retired knowledge domain can be chosen again. */
@Revision("1")
public record KnowledgeDomainReinstated(UUID knowledgeDomainId) implements KnowledgeDomainEvent {
}
