package org.carpentries.amy.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.carpentries.amy.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every refusal status is problem+json with a stable {@code code}, 429 included: this application runs with small
 * rate limits (anonymous exports 3 in a burst, logins 2), on a database of its own.
 */
class ProblemStatusesIT extends FreshDatabaseIT {

    @DynamicPropertySource
    static void smallRateLimits(DynamicPropertyRegistry registry) {
        registry.add("amy.rate-limits.enabled", () -> "true");
        registry.add("amy.rate-limits.exports.per-minute", () -> "1");
        registry.add("amy.rate-limits.exports.burst", () -> "3");
        registry.add("amy.rate-limits.login.per-minute", () -> "1");
        registry.add("amy.rate-limits.login.burst", () -> "2");
    }

    private static void problem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }

    private static void problem(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }

    @Test
    void unauthenticated401() {
        problem(anonymous.get("/api/workshops"), 401, "unauthenticated");
    }

    @Test
    void forbidden403() {
        String id = api.post("/api/persons", Map.of("personal", "Statuses", "family", "Auditor", "username",
                "statuses_auditor")).json().path("id").asText();
        assertThat(api.put("/api/persons/" + id + "/password", Map.of("password", "auditor password 1")).status())
                .isEqualTo(204);
        assertThat(api.put("/api/persons/" + id + "/roles/auditor", null).status()).isEqualTo(200);
        assertThat(api.put("/api/persons/" + id + "/login", null).status()).isEqualTo(200);
        problem(Api.account(port, "statuses_auditor", "auditor password 1").post("/api/tags", Map.of("name", "X")),
                403, "forbidden");
    }

    @Test
    void unmappedPathsUnderApi404() {
        problem(api.get("/api/no-such-resource"), 404, "not-found");
        problem(api.get("/api/workshops/a/b/c/d"), 404, "not-found");
        problem(api.post("/api/no-such-resource", Map.of()), 404, "not-found");
    }

    @Test
    void methodNotAllowed405() {
        Api.Response r = api.delete("/api/v1/events/published");
        problem(r, 405, "method-not-allowed");
        assertThat(r.header("Allow")).contains("GET");
    }

    @Test
    void notAcceptable406() {
        problem(api.get("/api/tags", "Accept", "image/png"), 406, "not-acceptable");
    }

    @Test
    void contentTooLarge413() {
        byte[] big = ("{\"name\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        problem(api.raw("POST", "/api/tags", "application/json", big), 413, "body-too-large");
    }

    @Test
    void unsupportedMediaType415() {
        problem(api.raw("POST", "/api/tags", "text/plain", "name=x".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported-media-type");
    }

    @Test
    void pathTraversalIsA400FromTomcatOrTheFirewall() {
        RawHttp http = new RawHttp(port);
        for (String path : List.of("/api/v1/export/badges/..%2F..%2Fetc%2Fpasswd", "/api/workshops/%2e%2e",
                "/api/workshops/x;y=1", "/api/workshops/x%00")) {
            RawHttp.Response r = http.send("GET", path, Map.of(), null);
            assertThat(r.status()).as(path + " " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isIn("malformed-request", "request-rejected", "control-character");
        }
    }

    @Test
    void repeatedSingleParameter400NamesIt() {
        Api.Response r = api.get("/api/tags/x?as_of=2016-04-06T17:05:00Z&as_of=2017-01-01T00:00:00Z");
        problem(r, 400, "repeated-parameter");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("as_of");
        problem(api.get("/api/tags/x?zz_unknown=1"), 400, "unknown-parameter");
    }

    /** Regression: these reached PostgreSQL, which cannot compare such timestamps, and answered 500. */
    @Test
    void instantsBeyondTheYears1To9999Are400() {
        problem(api.get("/api/audit?from=-290000-01-01T00:00:00Z"), 400, "invalid-parameter");
        problem(api.get("/api/audit.csv?to=%2B999999-12-31T23:59:59Z"), 400, "invalid-parameter");
        problem(api.get("/api/v1/events/published?as_of=-999999-01-01T00:00:00Z"), 400, "invalid-instant");
        problem(api.get("/api/v1/export/instructors?as_of=-290000-01-01T00:00:00Z"), 400, "invalid-instant");
        problem(api.get("/api/exports/published/diff?from=-290000-01-01T00:00:00Z"), 400, "invalid-instant");
    }

    @Test
    void anonymousExportsAreLimitedPerAddressWithRetryAfterButAuthenticatedReadsAreNot() {
        int granted = 0;
        Api.Response refused = null;
        for (int i = 0; i < 6 && refused == null; i++) {
            Api.Response r = anonymous.get("/api/v1/export/badges.json");
            if (r.status() == 429) {
                refused = r;
            } else {
                assertThat(r.status()).isEqualTo(200);
                granted++;
            }
        }
        assertThat(granted).isEqualTo(3);
        assertThat(refused).isNotNull();
        problem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        problem(anonymous.get("/api/v1/events/published"), 429, "rate-limited");
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/api/v1/export/badges.json").status()).as("the admin is never limited").isEqualTo(200);
        }
        assertThat(api.get("/api/workshops").status()).as("other paths are not limited").isEqualTo(200);
    }

    @Test
    void loginAttemptsAreLimitedPerAddress() {
        Map<String, String> wrong = Map.of("username", "nobody", "password", "wrong password 123");
        problem(anonymous.post("/api/session", wrong), 401, "login-failed");
        problem(anonymous.post("/api/session", wrong), 401, "login-failed");
        Api.Response refused = anonymous.post("/api/session", Map.of("username", Api.ADMIN, "password",
                Api.ADMIN_PASSWORD));
        problem(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After")).isNotBlank();
    }
}
