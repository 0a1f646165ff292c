package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's personal data was erased: their key is gone; names and teaching history stay. */
@Revision("1")
public record PersonErased(UUID personId) implements PersonEvent {
}
