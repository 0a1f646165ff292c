package org.carpentries.amy.command.lesson.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A retired lesson can be chosen again. */
@Revision("1")
public record LessonReinstated(UUID lessonId) implements LessonEvent {
}
