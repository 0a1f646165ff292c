package org.carpentries.amy.command.lesson.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The lesson can no longer be newly chosen; whoever already names it keeps it. */
@Revision("1")
public record LessonRetired(UUID lessonId) implements LessonEvent {
}
