package org.carpentries.amy.command.tag.events;

import java.util.UUID;

/** Every fact about one tag. */
public interface TagEvent {
    UUID tagId();
}
