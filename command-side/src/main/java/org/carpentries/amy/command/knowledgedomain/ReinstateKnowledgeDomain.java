package org.carpentries.amy.command.knowledgedomain;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a retired knowledge domain be chosen again. Reinstating an active knowledge domain changes nothing. */
public record ReinstateKnowledgeDomain(@TargetAggregateIdentifier UUID knowledgeDomainId) {
}
