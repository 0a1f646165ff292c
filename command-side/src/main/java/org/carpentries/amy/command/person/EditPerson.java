package org.carpentries.amy.command.person;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Change some of a person's fields at the version the editor saw; unchanged values record nothing. */
public record EditPerson(@TargetAggregateIdentifier UUID personId, @TargetAggregateVersion Long expectedVersion,
                         PersonPatch patch) {

    public EditPerson {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(patch, "patch");
    }
}
