package org.carpentries.amy.command.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Tokens in the {@code api_token} table, in the transaction of the command that issues or revokes them. */
@Component
class JdbcApiTokens implements ApiTokens {

    private final JdbcTemplate jdbc;

    JdbcApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean issue(Issued token) {
        return jdbc.update("""
                INSERT INTO api_token (id, name, scopes, secret_hash, expires_at, created_at, created_by)
                VALUES (?, ?, ?::text[], ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""", token.id(), token.name(),
                token.scopes().toArray(String[]::new), token.secretHash(), Timestamp.from(token.expiresAt()),
                Timestamp.from(token.createdAt()), token.createdBy()) == 1;
    }

    @Override
    public void revoke(UUID tokenId, Instant at) {
        jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Timestamp.from(at),
                tokenId);
    }
}
