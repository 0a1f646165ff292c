package org.carpentries.amy.command.organisation.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The organisation's (unique) full name is now {@code fullname}. */
@Revision("1")
public record OrganisationFullnameChanged(UUID organisationId, String fullname) implements OrganisationEvent {
}
