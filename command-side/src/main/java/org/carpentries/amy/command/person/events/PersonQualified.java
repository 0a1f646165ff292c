package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person may now teach this lesson. */
@Revision("1")
public record PersonQualified(UUID personId, UUID lessonId) implements PersonEvent {
}
