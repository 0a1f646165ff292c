package org.carpentries.amy.command.tag.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The tag can no longer be assigned; workshops that carry it keep it. */
@Revision("1")
public record TagRetired(UUID tagId) implements TagEvent {
}
