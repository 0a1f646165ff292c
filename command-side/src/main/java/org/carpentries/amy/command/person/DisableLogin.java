package org.carpentries.amy.command.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a person logging in and end their sessions at once. Nobody disables their own login; disabling a disabled one changes nothing. */
public record DisableLogin(@TargetAggregateIdentifier UUID personId) {
}
