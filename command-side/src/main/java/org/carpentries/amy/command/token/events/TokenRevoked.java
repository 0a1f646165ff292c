package org.carpentries.amy.command.token.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The bearer token no longer authenticates anyone, for good. */
@Revision("1")
public record TokenRevoked(UUID tokenId) implements TokenEvent {
}
