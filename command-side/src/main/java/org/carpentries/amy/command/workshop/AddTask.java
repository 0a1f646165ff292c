package org.carpentries.amy.command.workshop;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a person a role at a workshop. Adding a task the workshop has changes nothing; rejected for an archived
 * workshop, an unknown or archived person, an unknown or retired role. A learner task raises the attendance to the
 * number of learners when it was empty or lower (AMY v1.0).
 */
public record AddTask(@TargetAggregateIdentifier UUID workshopId, UUID personId, UUID roleId) {

    public AddTask {
        Objects.requireNonNull(workshopId, "workshopId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(roleId, "roleId");
    }
}
