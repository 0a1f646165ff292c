package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's GitHub and Twitter handles, website and ORCID changed (sealed). */
@Revision("1")
public record PersonOnlineProfilesChanged(UUID personId, Sealed github, Sealed twitter, Sealed url, Sealed orcid) implements PersonEvent {
}
