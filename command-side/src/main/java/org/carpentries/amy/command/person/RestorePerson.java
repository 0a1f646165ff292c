package org.carpentries.amy.command.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Bring an archived person back; rejected when their email, handles or username were taken meanwhile. */
public record RestorePerson(@TargetAggregateIdentifier UUID personId) {
}
