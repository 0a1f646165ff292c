package org.carpentries.amy.command.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a person's personal data by deleting their key: names and teaching history stay, nothing else can be read again. */
public record ErasePerson(@TargetAggregateIdentifier UUID personId) {
}
