package org.carpentries.amy.command.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a person log in with their username or email. Archived, merged or erased people cannot; enabling an enabled login changes nothing. */
public record EnableLogin(@TargetAggregateIdentifier UUID personId) {
}
