package org.carpentries.amy.command.person;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive a person (AMY deleted them): frees their email, handles and username; history stays. */
public record ArchivePerson(@TargetAggregateIdentifier UUID personId) {
}
