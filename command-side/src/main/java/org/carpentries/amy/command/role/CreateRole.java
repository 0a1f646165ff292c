package org.carpentries.amy.command.role;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.ReferenceNames;

/**
 * Make a role known. Rejects an empty name, one over 40 characters, one with '/' or control characters or shaped like
 * an id, and a taken one.
 */
public record CreateRole(@TargetAggregateIdentifier UUID roleId, String name) {

    public CreateRole {
        Objects.requireNonNull(roleId, "roleId");
        name = Checks.blankToNull(name);
        ReferenceNames.check(name, "role", 40, false, new Checks()).throwIfAny();
    }
}
