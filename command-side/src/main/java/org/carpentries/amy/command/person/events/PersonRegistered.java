package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person is now known to AMY; personal data is sealed with their own key. */
@Revision("1")
public record PersonRegistered(UUID personId, String personal, String middle, String family, String username,
                               boolean mayContact, Sealed email, Sealed gender, Sealed airportId, Sealed github,
                               Sealed twitter, Sealed url, Sealed orcid, Sealed occupation, Sealed affiliation,
                               Sealed notes) implements PersonEvent {
}
