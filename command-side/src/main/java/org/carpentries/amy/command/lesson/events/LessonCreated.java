package org.carpentries.amy.command.lesson.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A lesson now exists with this (unique, case-sensitive) name. */
@Revision("1")
public record LessonCreated(UUID lessonId, String name) implements LessonEvent {
}
