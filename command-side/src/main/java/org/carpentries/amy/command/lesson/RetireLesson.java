package org.carpentries.amy.command.lesson;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a lesson from being newly chosen. Retiring a retired lesson changes nothing. */
public record RetireLesson(@TargetAggregateIdentifier UUID lessonId) {
}
