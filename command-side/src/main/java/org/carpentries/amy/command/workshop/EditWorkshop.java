package org.carpentries.amy.command.workshop;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Change some fields of a workshop at the version the editor saw. Rejected for an archived workshop, for a
 * result that breaks AMY's rules, and for a slug or url already taken. Unchanged values record nothing.
 */
public record EditWorkshop(@TargetAggregateIdentifier UUID workshopId, @TargetAggregateVersion Long expectedVersion,
                           WorkshopPatch patch) {

    public EditWorkshop {
        Objects.requireNonNull(workshopId, "workshopId");
        Objects.requireNonNull(patch, "patch");
    }
}
