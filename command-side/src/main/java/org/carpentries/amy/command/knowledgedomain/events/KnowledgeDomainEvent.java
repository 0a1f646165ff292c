package org.carpentries.amy.command.knowledgedomain.events;

import java.util.UUID;

/** Every fact about one knowledge domain. */
public interface KnowledgeDomainEvent {
    UUID knowledgeDomainId();
}
