package org.carpentries.amy.command.tag;

import java.util.UUID;

/** A tag as its aggregate knows it. */
public record TagState(UUID tagId, String name, String details, boolean retired) {
}
