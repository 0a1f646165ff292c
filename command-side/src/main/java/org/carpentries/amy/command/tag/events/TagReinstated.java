package org.carpentries.amy.command.tag.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A retired tag can be assigned again. */
@Revision("1")
public record TagReinstated(UUID tagId) implements TagEvent {
}
