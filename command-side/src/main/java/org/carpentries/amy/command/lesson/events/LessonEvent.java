package org.carpentries.amy.command.lesson.events;

import java.util.UUID;

/** Every fact about one lesson. */
public interface LessonEvent {
    UUID lessonId();
}
