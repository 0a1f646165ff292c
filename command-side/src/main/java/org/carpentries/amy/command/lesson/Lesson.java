package org.carpentries.amy.command.lesson;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lesson.events.LessonCreated;
import org.carpentries.amy.command.lesson.events.LessonReinstated;
import org.carpentries.amy.command.lesson.events.LessonRenamed;
import org.carpentries.amy.command.lesson.events.LessonRetired;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;

/** A lesson; its name is unique (AMY's was not, but we find lessons by name). */
@Aggregate(cache = "aggregateCache")
public class Lesson {

    @AggregateIdentifier
    private UUID lessonId;
    private String name;
    private boolean retired;

    protected Lesson() {
    }

    @CommandHandler
    Lesson(CreateLesson cmd, Lookups lookups) {
        claim(cmd.lessonId(), cmd.name(), lookups);
        lookups.putReference(ReferenceKind.LESSON, cmd.lessonId(), cmd.name(), false);
        apply(new LessonCreated(cmd.lessonId(), cmd.name()));
    }

    @CommandHandler
    void handle(RenameLesson cmd, Lookups lookups) {
        if (cmd.name().equals(name)) {
            return;
        }
        claim(lessonId, cmd.name(), lookups);
        lookups.release(UniqueKind.LESSON_NAME, name, lessonId);
        lookups.putReference(ReferenceKind.LESSON, lessonId, cmd.name(), retired);
        apply(new LessonRenamed(lessonId, cmd.name()));
    }

    @CommandHandler
    void handle(RetireLesson cmd, Lookups lookups) {
        if (retired) {
            return;
        }
        lookups.putReference(ReferenceKind.LESSON, lessonId, name, true);
        apply(new LessonRetired(lessonId));
    }

    @CommandHandler
    void handle(ReinstateLesson cmd, Lookups lookups) {
        if (!retired) {
            return;
        }
        lookups.putReference(ReferenceKind.LESSON, lessonId, name, false);
        apply(new LessonReinstated(lessonId));
    }

    private static void claim(UUID id, String name, Lookups lookups) {
        if (!lookups.claim(UniqueKind.LESSON_NAME, name, id)) {
            throw new RuleViolation("lesson-name-taken", "A lesson named '" + name + "' already exists.");
        }
    }

    @EventSourcingHandler
    void on(LessonCreated event) {
        lessonId = event.lessonId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(LessonRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(LessonRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(LessonReinstated event) {
        retired = false;
    }
}
