package org.carpentries.amy.command.tag.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The tag's description now reads {@code details}. */
@Revision("1")
public record TagDetailsChanged(UUID tagId, String details) implements TagEvent {
}
