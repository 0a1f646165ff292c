package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person is archived (AMY deleted them): hidden from lists, unique values freed, history kept. */
@Revision("1")
public record PersonArchived(UUID personId) implements PersonEvent {
}
