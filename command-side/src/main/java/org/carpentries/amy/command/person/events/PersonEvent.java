package org.carpentries.amy.command.person.events;

import java.util.UUID;

/** Every fact about one person. */
public interface PersonEvent {
    UUID personId();
}
