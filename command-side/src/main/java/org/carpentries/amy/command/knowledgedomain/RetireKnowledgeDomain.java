package org.carpentries.amy.command.knowledgedomain;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a knowledge domain from being newly chosen. Retiring a retired knowledge domain changes nothing. */
public record RetireKnowledgeDomain(@TargetAggregateIdentifier UUID knowledgeDomainId) {
}
