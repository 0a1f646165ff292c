package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person is no longer listed as qualified for this lesson. */
@Revision("1")
public record PersonQualificationWithdrawn(UUID personId, UUID lessonId) implements PersonEvent {
}
