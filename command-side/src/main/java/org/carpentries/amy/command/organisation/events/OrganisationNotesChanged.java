package org.carpentries.amy.command.organisation.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The notes about the organisation now read {@code notes}. */
@Revision("1")
public record OrganisationNotesChanged(UUID organisationId, String notes) implements OrganisationEvent {
}
