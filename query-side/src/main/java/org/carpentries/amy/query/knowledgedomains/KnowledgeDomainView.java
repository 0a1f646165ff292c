package org.carpentries.amy.query.knowledgedomains;

import java.time.Instant;
import java.util.UUID;

/** A knowledge domain as lists and details show it. */
public record KnowledgeDomainView(UUID id, String name, boolean retired, long version, Instant createdAt,
                                  Instant updatedAt) {
}
