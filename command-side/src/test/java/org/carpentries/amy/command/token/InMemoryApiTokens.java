package org.carpentries.amy.command.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Token state for aggregate fixtures, which run without a database. */
public final class InMemoryApiTokens implements ApiTokens {

    private final Map<UUID, Issued> issued = new HashMap<>();
    private final Map<UUID, Instant> revoked = new HashMap<>();

    @Override
    public boolean issue(Issued token) {
        return issued.putIfAbsent(token.id(), token) == null;
    }

    @Override
    public void revoke(UUID tokenId, Instant at) {
        if (issued.containsKey(tokenId)) {
            revoked.putIfAbsent(tokenId, at);
        }
    }

    public Optional<Issued> issued(UUID tokenId) {
        return Optional.ofNullable(issued.get(tokenId));
    }

    public Optional<Instant> revokedAt(UUID tokenId) {
        return Optional.ofNullable(revoked.get(tokenId));
    }
}
