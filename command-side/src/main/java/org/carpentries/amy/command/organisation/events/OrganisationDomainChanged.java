package org.carpentries.amy.command.organisation.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The organisation's (unique) domain is now {@code domain}. */
@Revision("1")
public record OrganisationDomainChanged(UUID organisationId, String domain) implements OrganisationEvent {
}
