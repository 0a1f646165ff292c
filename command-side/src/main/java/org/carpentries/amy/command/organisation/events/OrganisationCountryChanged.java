package org.carpentries.amy.command.organisation.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The organisation is now in {@code country} (null: unknown). */
@Revision("1")
public record OrganisationCountryChanged(UUID organisationId, String country) implements OrganisationEvent {
}
