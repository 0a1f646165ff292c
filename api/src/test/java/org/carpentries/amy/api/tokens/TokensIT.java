package org.carpentries.amy.api.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens over real HTTP: issued once, kept as a digest, scoped, revoked and expired at once, and stateless.
 * Expiry is tested by moving {@code expires_at} into the past in the table, since the application's clock is shared.
 */
class TokensIT extends AmyIT {

    /** An issued token: its id and its secret. */
    private record Issued(UUID id, String secret, JsonNode body) {
    }

    private Issued issue(String... scopes) {
        Api.Response r = api.post("/api/tokens", Map.of("name", unique("build"), "scopes", List.of(scopes)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Issued(UUID.fromString(r.json().path("id").asText()), r.json().path("token").asText(), r.json());
    }

    private Api bearer(Issued token) {
        return Api.bearer(port, token.secret());
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsDigestIsKept() throws Exception {
        String name = unique("websites build");
        Api.Response r = api.post("/api/tokens", Map.of("name", name, "scopes", List.of("members:read",
                "exports:read"), "expires_at", Instant.now()
                .plus(Duration.ofDays(10)).toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asText();
        String secret = r.json().path("token").asText();
        assertThat(secret).startsWith("amy_").hasSize(4 + 43).matches("amy_[A-Za-z0-9_-]{43}");
        assertThat(r.header("Location")).endsWith("/api/tokens/" + id);
        assertThat(r.header("Cache-Control")).contains("no-store");
        assertThat(r.json().path("name").asText()).isEqualTo(name);
        assertThat(r.json().path("scopes")).extracting(JsonNode::asText).containsExactly("exports:read",
                "members:read");
        assertThat(r.json().has("expires_at")).isTrue();
        assertThat(r.json().has("created_at")).isTrue();

        Api.Response one = api.get("/api/tokens/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().has("token")).isFalse();
        assertThat(one.body()).doesNotContain(secret);
        assertThat(one.json().path("state").asText()).isEqualTo("active");
        assertThat(one.json().path("created_by").asText()).isEqualTo(
                api.get("/api/session").json().path("id").asText());
        Api.Response all = api.get("/api/tokens");
        assertThat(all.body()).contains(id).doesNotContain(secret);
        assertThat(all.json().get(0).path("id").asText()).as("newest first").isEqualTo(id);

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.queryForObject("SELECT secret_hash FROM api_token WHERE id = ?::uuid", byte[].class, id))
                .isEqualTo(digest);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token t WHERE t::text LIKE '%' || ? || '%'",
                Long.class, secret)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).isEqualTo(1);
        for (String leak : List.of(secret, secret.substring(4), Base64.getEncoder().encodeToString(digest),
                HexFormat.of().formatHex(digest))) {
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE '%' || ? || '%'
                        OR convert_from(meta_data, 'UTF8') LIKE '%' || ? || '%'""", Long.class, leak, leak))
                    .as("events holding " + leak).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry a WHERE a::text LIKE '%' || ? || '%'",
                    Long.class, leak)).isZero();
        }
        Api.Response audit = api.get("/api/audit?record_id=" + id);
        assertThat(audit.json().path("entries").get(0).path("summary").asText())
                .isEqualTo("Token " + name + ": bearer token issued");
    }

    @Test
    void eachScopeReachesItsRoutesAndNoOther() {
        Api exports = newToken("exports:read");
        Api members = newToken("members:read");
        Api audit = newToken("audit:read");
        for (String path : List.of("/api/v1/events/published.json", "/api/v1/export/badges.json",
                "/api/v1/export/instructors.yaml")) {
            assertThat(exports.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(exports.get("/api/v1/export/members.json").status()).isEqualTo(403);
        assertThat(exports.get("/api/audit").status()).isEqualTo(403);

        assertThat(members.get("/api/v1/export/members.json").status()).isEqualTo(200);
        assertThat(members.get("/api/v1/export/members").status()).isEqualTo(200);
        assertThat(members.get("/api/v1/export/members.csv").status()).isEqualTo(200);
        assertThat(members.get("/api/audit").status()).isEqualTo(403);

        assertThat(audit.get("/api/audit").status()).isEqualTo(200);
        assertThat(audit.get("/api/audit.csv").status()).isEqualTo(200);
        assertThat(audit.get("/api/v1/export/members.json").status()).isEqualTo(403);

        long before = eventCount();
        for (Api token : List.of(exports, members, audit)) {
            for (String path : List.of("/api/workshops", "/api/tokens", "/api/persons", "/api/admin/read-models")) {
                Api.Response r = token.get(path);
                assertThat(r.status()).as(path).isEqualTo(403);
                assertThat(r.code()).isEqualTo("forbidden");
            }
            assertThat(token.post("/api/tags", Fixtures.tag(unique("TOK"))).status()).isEqualTo(403);
            assertThat(token.post("/api/tokens", Map.of("name", "mine", "scopes", List.of("audit:read")))
                    .status()).isEqualTo(403);
            assertThat(token.delete("/api/tokens/" + UUID.randomUUID()).status()).isEqualTo(403);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndStaysRevoked() {
        Issued token = issue("audit:read");
        assertThat(bearer(token).get("/api/audit").status()).isEqualTo(200);

        assertThat(api.delete("/api/tokens/" + token.id()).status()).isEqualTo(204);
        Api.Response refused = bearer(token).get("/api/audit");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("token-invalid");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        // A public export with a revoked token is refused too: a client should learn its token is dead.
        assertThat(bearer(token).get("/api/v1/export/badges.json").code()).isEqualTo("token-invalid");

        JsonNode view = api.get("/api/tokens/" + token.id()).json();
        assertThat(view.path("state").asText()).isEqualTo("revoked");
        String revokedAt = view.path("revoked_at").asText();
        assertThat(revokedAt).isNotEmpty();
        long before = eventCount();
        assertThat(api.delete("/api/tokens/" + token.id()).status()).isEqualTo(204);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.get("/api/tokens/" + token.id()).json().path("revoked_at").asText()).isEqualTo(revokedAt);
        assertThat(bearer(token).get("/api/audit").status()).isEqualTo(401);

        assertThat(api.delete("/api/tokens/" + UUID.randomUUID()).code()).isEqualTo("token-not-found");
        assertThat(api.delete("/api/tokens/not-an-id").status()).isEqualTo(404);
        assertThat(api.get("/api/tokens/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Issued token = issue("exports:read");
        assertThat(bearer(token).get("/api/v1/export/badges.json").status()).isEqualTo(200);
        jdbc.update("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?", token.id());

        Api.Response refused = bearer(token).get("/api/v1/export/badges.json");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("token-invalid");
        assertThat(api.get("/api/tokens/" + token.id()).json().path("state").asText()).isEqualTo("expired");
    }

    @Test
    void unknownAndMalformedTokensGetTheSameAnswer() {
        List<String> headers = List.of("Bearer amy_" + "A".repeat(43), "Bearer ", "Bearer", "bearer nonsense",
                "Bearer a b", "Bearer " + "x".repeat(5000));
        for (String header : headers) {
            Api.Response r = anonymous.get("/api/v1/export/badges.json", "Authorization", header);
            assertThat(r.status()).as(header).isEqualTo(401);
            assertThat(r.code()).isEqualTo("token-invalid");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(anonymous.get("/api/v1/export/badges.json").status()).isEqualTo(200);
    }

    @Test
    void theLastUseIsRecordedAtMostOncePerMinute() {
        Issued token = issue("exports:read");
        assertThat(api.get("/api/tokens/" + token.id()).json().path("last_used_at").isNull()).isTrue();
        bearer(token).get("/api/v1/export/badges.json");
        Timestamp first = lastUsed(token);
        assertThat(first).isNotNull();
        assertThat(api.get("/api/tokens/" + token.id()).json().path("last_used_at").asText()).isNotEmpty();

        bearer(token).get("/api/v1/export/badges.json");
        assertThat(lastUsed(token)).isEqualTo(first);

        jdbc.update("UPDATE api_token SET last_used_at = last_used_at - interval '2 minutes' WHERE id = ?",
                token.id());
        Timestamp moved = lastUsed(token);
        bearer(token).get("/api/v1/export/badges.json");
        assertThat(lastUsed(token)).isAfter(moved);
    }

    private Timestamp lastUsed(Issued token) {
        return jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE id = ?", Timestamp.class, token.id());
    }

    @Test
    void bearerRequestsAreStateless() {
        Issued token = issue("audit:read");
        for (Api.Response r : List.of(bearer(token).get("/api/audit"), bearer(token).get("/api/workshops"),
                bearer(token).post("/api/tags", Fixtures.tag(unique("SES"))))) {
            assertThat(r.header("Set-Cookie")).as(r.toString()).isNull();
        }
        Long sessions = jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class);
        Api.Response basic = api.get("/api/workshops");
        assertThat(basic.header("Set-Cookie")).as("HTTP Basic, too, is stateless").isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class)).isEqualTo(sessions);
    }

    @Test
    void theSecurityLogNamesTheTokenByIdAndNeverHoldsItsSecret() {
        Logger logger = (Logger) LoggerFactory.getLogger("amy.security");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            Issued token = issue("exports:read");
            bearer(token).get("/api/v1/export/badges.json");
            Api.bearer(port, token.secret() + "x").get("/api/v1/export/badges.json");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> messages(lines).stream()
                    .anyMatch(m -> m.contains("\"token-used\"") && m.contains(token.id().toString())));
            List<String> all = messages(lines);
            assertThat(all).anyMatch(m -> m.contains("\"token-used\"") && m.contains("\"status\":200")
                    && m.contains("\"path\":\"/api/v1/export/badges.{format}\""));
            assertThat(all).anyMatch(m -> m.contains("\"token-rejected\"") && m.contains("\"reason\":\"unknown\""));
            assertThat(all).noneMatch(m -> m.contains(token.secret().substring(4)));
        } finally {
            logger.detachAppender(lines);
        }
    }

    private static List<String> messages(ListAppender<ILoggingEvent> lines) {
        synchronized (lines) {
            return new ArrayList<>(lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        }
    }

    @Test
    void badRequestsNameTheirProblem() {
        assertThat(codes(api.post("/api/tokens", Map.of("scopes", List.of("exports:read")))))
                .containsExactly("name-required");
        assertThat(codes(api.post("/api/tokens", Map.of("name", "x".repeat(101), "scopes", List.of("audit:read")))))
                .containsExactly("name-too-long");
        assertThat(codes(api.post("/api/tokens", Map.of("name", "n", "scopes", List.of("admin")))))
                .containsExactly("scope-unknown");
        assertThat(codes(api.post("/api/tokens", Map.of("name", "n", "scopes", List.of()))))
                .containsExactly("scopes-required");
        for (String expiry : List.of(Instant.now().minusSeconds(60).toString(),
                Instant.now().plus(Duration.ofDays(367)).toString(), "tomorrow", "2027-01-01T00:00:00")) {
            assertThat(codes(api.post("/api/tokens", Map.of("name", "n", "scopes", List.of("audit:read"),
                    "expires_at", expiry)))).as(expiry).containsExactly("expiry-invalid");
        }
        assertThat(codes(api.post("/api/tokens", Map.of("name", "n", "scopes", List.of("audit:read"), "secret",
                "mine")))).containsExactly("unknown-field");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE name = 'n'", Long.class)).isZero();

        JsonNode issued = api.post("/api/tokens", Map.of("name", "default expiry", "scopes", List.of("audit:read")))
                .json();
        Duration lifetime = Duration.between(Instant.parse(issued.path("created_at").asText()),
                Instant.parse(issued.path("expires_at").asText()));
        assertThat(lifetime).isEqualTo(Duration.ofDays(90));
    }

    private static List<String> codes(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation-failed");
        List<String> codes = new ArrayList<>();
        r.json().path("errors").forEach(e -> codes.add(e.path("code").asText()));
        return codes;
    }
}
