package org.carpentries.amy.command.tag;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.Checks;

/** Create a tag. Rejects names that are empty, too long, contain '/' or control characters, or are taken. */
public record CreateTag(@TargetAggregateIdentifier UUID tagId, String name, String details) {

    public CreateTag {
        Objects.requireNonNull(tagId, "tagId");
        name = name == null ? null : name.strip();
        details = Checks.nullToEmpty(details);
        TagRules.checkName(name, new Checks()).maxLength(details, 100, "details").throwIfAny();
    }
}
