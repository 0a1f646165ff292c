package org.carpentries.amy.command.lesson;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a retired lesson be chosen again. Reinstating an active lesson changes nothing. */
public record ReinstateLesson(@TargetAggregateIdentifier UUID lessonId) {
}
