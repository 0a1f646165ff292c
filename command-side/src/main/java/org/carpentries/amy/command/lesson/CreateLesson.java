package org.carpentries.amy.command.lesson;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.ReferenceNames;

/**
 * Make a lesson known. Rejects an empty name, one over 40 characters, one with control characters or shaped like an id,
 * and a taken one; '/' is allowed ({@code swc/git}).
 */
public record CreateLesson(@TargetAggregateIdentifier UUID lessonId, String name) {

    public CreateLesson {
        Objects.requireNonNull(lessonId, "lessonId");
        name = Checks.blankToNull(name);
        ReferenceNames.check(name, "lesson", 40, true, new Checks()).throwIfAny();
    }
}
