package org.carpentries.amy.command.tag.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A tag now exists with this (case-sensitive, unique) name. */
@Revision("1")
public record TagCreated(UUID tagId, String name, String details) implements TagEvent {
}
