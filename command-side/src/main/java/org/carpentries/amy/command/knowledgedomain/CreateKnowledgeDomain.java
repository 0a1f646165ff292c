package org.carpentries.amy.command.knowledgedomain;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.ReferenceNames;

/**
 * Make a knowledge domain known. Rejects an empty name, one over 100 characters, one with control characters or shaped
 * like an id, and a taken one; '/' is allowed ({@code Mathematics/statistics}).
 */
public record CreateKnowledgeDomain(@TargetAggregateIdentifier UUID knowledgeDomainId, String name) {

    public CreateKnowledgeDomain {
        Objects.requireNonNull(knowledgeDomainId, "knowledgeDomainId");
        name = Checks.blankToNull(name);
        ReferenceNames.check(name, "knowledge-domain", 100, true, new Checks()).throwIfAny();
    }
}
