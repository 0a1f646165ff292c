package org.carpentries.amy.command.tag;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.carpentries.amy.command.Checks;

/** Change a tag's description; the name never changes. Same details change nothing. */
public record EditTagDetails(@TargetAggregateIdentifier UUID tagId, @TargetAggregateVersion Long expectedVersion,
                             String details) {

    public EditTagDetails {
        Objects.requireNonNull(tagId, "tagId");
        details = Checks.nullToEmpty(details);
        new Checks().maxLength(details, 100, "details").throwIfAny();
    }
}
