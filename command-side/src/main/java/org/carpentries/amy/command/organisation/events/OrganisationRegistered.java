package org.carpentries.amy.command.organisation.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An organisation is now known to AMY. */
@Revision("1")
public record OrganisationRegistered(UUID organisationId, String domain, String fullname, String country, String notes) implements OrganisationEvent {
}
