package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The airport nearest the person changed (sealed airport id; null when removed). */
@Revision("1")
public record PersonAirportChanged(UUID personId, Sealed airportId) implements PersonEvent {
}
