package org.carpentries.amy.command.knowledgedomain;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.ReferenceNames;

/** Give a knowledge domain another name, under the same rules as creating it. The same name changes nothing. */
public record RenameKnowledgeDomain(@TargetAggregateIdentifier UUID knowledgeDomainId,
                                    @TargetAggregateVersion Long expectedVersion, String name) {

    public RenameKnowledgeDomain {
        Objects.requireNonNull(knowledgeDomainId, "knowledgeDomainId");
        name = Checks.blankToNull(name);
        ReferenceNames.check(name, "knowledge-domain", 100, true, new Checks()).throwIfAny();
    }
}
