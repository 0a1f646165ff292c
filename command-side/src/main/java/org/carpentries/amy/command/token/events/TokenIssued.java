package org.carpentries.amy.command.token.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A bearer token named {@code name} now grants {@code scopes} until {@code expiresAt}; its secret is not recorded. */
@Revision("1")
public record TokenIssued(UUID tokenId, String name, List<String> scopes, Instant expiresAt) implements TokenEvent {
}
