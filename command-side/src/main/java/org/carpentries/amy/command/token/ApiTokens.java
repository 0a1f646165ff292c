package org.carpentries.amy.command.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tokens' security state that authentication reads ({@code api_token}): written in the command's transaction, so
 * a token works, and stops working, the moment its command commits.
 */
public interface ApiTokens {

    /** Records a new token; false when a token with this id exists already. */
    boolean issue(Issued token);

    /** Marks the token revoked at {@code at}; a token revoked earlier keeps its first revocation time. */
    void revoke(UUID tokenId, Instant at);

    /** A token as issued: only the digest of its secret, never the secret. */
    record Issued(UUID id, String name, List<String> scopes, byte[] secretHash, Instant expiresAt,
                  Instant createdAt, UUID createdBy) {
    }
}
