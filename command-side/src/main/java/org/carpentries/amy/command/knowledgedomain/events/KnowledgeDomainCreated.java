package org.carpentries.amy.command.knowledgedomain.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A knowledge domain now exists with this (unique, case-sensitive) name. */
@Revision("1")
public record KnowledgeDomainCreated(UUID knowledgeDomainId, String name) implements KnowledgeDomainEvent {
}
