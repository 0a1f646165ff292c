package org.carpentries.amy.api.tokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.TokenSecrets;
import org.carpentries.amy.api.web.Instants;
import org.carpentries.amy.api.web.JsonFields;
import org.carpentries.amy.api.web.Writes;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.token.IssueToken;
import org.carpentries.amy.command.token.RevokeToken;
import org.carpentries.amy.query.References;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/tokens")
@Tag(name = "Tokens", description = "Bearer tokens for machine clients (the websites' build, auditors' tools), with "
        + "scopes exports:read, members:read and audit:read. The secret is shown once, when issued; AMY keeps only "
        + "its SHA-256 digest. Clients send Authorization: Bearer <token>.")
class TokenController {

    private static final String COLUMNS = "id, name, scopes, expires_at, created_at, created_by, revoked_at, "
            + "last_used_at";
    private final Writes writes;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TokenController(Writes writes, JdbcTemplate jdbc, Clock clock) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token as listed: never its secret. {@code state} is active, expired or revoked. */
    record TokenView(UUID id, String name, List<String> scopes, Instant expiresAt, Instant createdAt,
                     UUID createdBy, Instant revokedAt, Instant lastUsedAt, String state) {
    }

    /** A token just issued, with its secret: the only answer that ever holds it. */
    record IssuedToken(UUID id, String name, List<String> scopes, Instant expiresAt, Instant createdAt,
                       String token) {
    }

    @PostMapping
    @Access({})
    @Operation(summary = "Issue a token", description = "Body: name (at most 100 characters), scopes (one or more "
            + "of exports:read, members:read, audit:read), optional expires_at (an instant with an offset, in the "
            + "future and at most a year ahead; 90 days when left out). Answers the secret in token, once "
            + "(Cache-Control: no-store). 400 validation-failed with errors of code name-required, name-too-long, "
            + "name-invalid, scopes-required, scope-unknown, expiry-invalid.")
    ResponseEntity<IssuedToken> issue(@RequestBody Map<String, Object> body) {
        JsonFields json = new JsonFields(body, Set.of("name", "scopes", "expires_at"));
        Change<String> name = json.text("name");
        List<String> scopes = json.strings("scopes");
        Instant expiresAt = expiry(json);
        json.throwIfAny();
        UUID id = UUID.randomUUID();
        String secret = TokenSecrets.generate();
        writes.send(new IssueToken(id, name == null ? null : name.value(), scopes, expiresAt,
                TokenSecrets.digest(secret)));
        TokenView view = require(id.toString());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).cacheControl(CacheControl.noStore())
                .body(new IssuedToken(id, view.name(), view.scopes(), view.expiresAt(), view.createdAt(), secret));
    }

    @GetMapping
    @Access({})
    @Operation(summary = "List tokens", description = "Newest first, every state (active, expired, revoked), "
            + "with when each was last used (to the minute); never a secret.")
    List<TokenView> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC, id", this::view);
    }

    @GetMapping("/{id}")
    @Access({})
    @Operation(summary = "A token by id", description = "Never its secret. 404 token-not-found.")
    TokenView get(@PathVariable String id) {
        return require(id);
    }

    @DeleteMapping("/{id}")
    @Access({})
    @Operation(summary = "Revoke a token", description = "Effective at once: the next request with it gets 401 "
            + "token-invalid. Revoking a revoked token changes nothing; a revoked token stays revoked. "
            + "404 token-not-found.")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        TokenView token = require(id);
        writes.send(new RevokeToken(token.id()));
        return ResponseEntity.noContent().build();
    }

    private static Instant expiry(JsonFields json) {
        Change<String> given = json.text("expires_at");
        if (given == null || given.value() == null) {
            return null;
        }
        try {
            return Instants.withOffset(given.value().strip());
        } catch (DateTimeParseException e) {
            json.fail("expires_at", "expiry-invalid", "An instant with an offset, such as 2027-01-31T00:00:00Z.");
            return null;
        }
    }

    private TokenView require(String ref) {
        return References.id(ref).flatMap(this::find).orElseThrow(() -> new RecordNotFound("token", ref));
    }

    private Optional<TokenView> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", this::view, id).stream().findFirst();
    }

    private TokenView view(ResultSet rs, int row) throws SQLException {
        Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
        Instant revokedAt = instant(rs.getTimestamp("revoked_at"));
        String state = revokedAt != null ? "revoked" : expiresAt.isAfter(clock.instant()) ? "active" : "expired";
        return new TokenView(rs.getObject("id", UUID.class), rs.getString("name"),
                Arrays.asList((String[]) rs.getArray("scopes").getArray()), expiresAt,
                rs.getTimestamp("created_at").toInstant(), rs.getObject("created_by", UUID.class), revokedAt,
                instant(rs.getTimestamp("last_used_at")), state);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
