package org.carpentries.amy.command.role;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.ReferenceNames;

/**
 * Give a role another name, under the same rules as creating it; AMY's own roles (instructor, learner, helper, host,
 * organizer) refuse. The same name changes nothing.
 */
public record RenameRole(@TargetAggregateIdentifier UUID roleId, @TargetAggregateVersion Long expectedVersion,
                         String name) {

    public RenameRole {
        Objects.requireNonNull(roleId, "roleId");
        name = Checks.blankToNull(name);
        ReferenceNames.check(name, "role", 40, false, new Checks()).throwIfAny();
    }
}
