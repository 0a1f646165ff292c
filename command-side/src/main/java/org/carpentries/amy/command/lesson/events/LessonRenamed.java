package org.carpentries.amy.command.lesson.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The lesson is now named {@code name}; the old name is free again. */
@Revision("1")
public record LessonRenamed(UUID lessonId, String name) implements LessonEvent {
}
