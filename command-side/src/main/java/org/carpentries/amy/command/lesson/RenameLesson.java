package org.carpentries.amy.command.lesson;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.ReferenceNames;

/** Give a lesson another name, under the same rules as creating it. The same name changes nothing. */
public record RenameLesson(@TargetAggregateIdentifier UUID lessonId, @TargetAggregateVersion Long expectedVersion,
                           String name) {

    public RenameLesson {
        Objects.requireNonNull(lessonId, "lessonId");
        name = Checks.blankToNull(name);
        ReferenceNames.check(name, "lesson", 40, true, new Checks()).throwIfAny();
    }
}
