package org.carpentries.amy.command.organisation;

import java.util.UUID;

/** An organisation as its aggregate knows it. */
public record OrganisationState(UUID organisationId, String domain, String fullname, String country, String notes) {
}
