package org.carpentries.amy.command.organisation.events;

import java.util.UUID;

/** Every fact about one organisation. */
public interface OrganisationEvent {
    UUID organisationId();
}
