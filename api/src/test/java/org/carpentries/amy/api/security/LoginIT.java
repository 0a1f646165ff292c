package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

/** Logins are people's: sessions in PostgreSQL, one failure for every wrong login, throttling, CSRF, roles at once. */
class LoginIT extends AmyIT {

    static final String PASSWORD = "violet kettle marmalade";

    /** A new person with a login; answers {id, username, email}. */
    private Map<String, String> person(String... roles) {
        String username = unique("login").replace('-', '_');
        String email = username + "@example.org";
        Api.Response r = api.post("/api/persons", Map.of("personal", "Lena", "family", "Login", "username", username,
                "email", email));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().path("id").asText();
        assertThat(api.put("/api/persons/" + id + "/password", Map.of("password", PASSWORD)).status()).isEqualTo(204);
        for (String role : roles) {
            assertThat(api.put("/api/persons/" + id + "/roles/" + role, null).status()).isEqualTo(200);
        }
        Api.Response enabled = api.put("/api/persons/" + id + "/login", null);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        return Map.of("id", id, "username", username, "email", email);
    }

    private long sessionRows(String personId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?", Long.class,
                personId);
        return n == null ? 0 : n;
    }

    @Test
    void aPersonLogsInByUsernameOrByEmailAndTheSessionLivesInPostgresqlUntilLogout() {
        Map<String, String> p = person("auditor");
        Api byName = Api.login(port, p.get("username"), PASSWORD);
        JsonNode me = byName.get("/api/session").json();
        assertThat(me.path("id").asText()).isEqualTo(p.get("id"));
        assertThat(me.path("username").asText()).isEqualTo(p.get("username"));
        assertThat(me.path("roles").toString()).isEqualTo("[\"auditor\"]");
        assertThat(byName.get("/api/persons/" + p.get("id")).status()).isEqualTo(200);
        Api byEmail = Api.login(port, p.get("email").toUpperCase(java.util.Locale.ROOT), PASSWORD);
        assertThat(byEmail.get("/api/session").json().path("id").asText()).isEqualTo(p.get("id"));
        assertThat(sessionRows(p.get("id"))).isEqualTo(2);
        assertThat(byName.delete("/api/session").status()).isEqualTo(204);
        assertThat(sessionRows(p.get("id"))).isEqualTo(1);
        assertThat(byName.get("/api/session").status()).isEqualTo(401);
        assertThat(byEmail.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void aSessionsLastAccessIsWrittenAtMostOnceAMinute() {
        Map<String, String> p = person("auditor");
        Api browser = Api.login(port, p.get("username"), PASSWORD);
        String lastAccess = "SELECT last_access_time FROM spring_session WHERE principal_name = ?";
        long first = jdbc.queryForObject(lastAccess, Long.class, p.get("id"));
        assertThat(browser.get("/api/session").status()).isEqualTo(200);
        assertThat(browser.get("/api/session").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(lastAccess, Long.class, p.get("id"))).as("not written again yet")
                .isEqualTo(first);

        // Two minutes later (as the row tells it), the next request writes the last access and the expiry.
        jdbc.update("UPDATE spring_session SET last_access_time = last_access_time - 120000, "
                + "expiry_time = expiry_time - 120000 WHERE principal_name = ?", p.get("id"));
        long before = System.currentTimeMillis();
        assertThat(browser.get("/api/session").status()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap("SELECT last_access_time, expiry_time, max_inactive_interval "
                + "FROM spring_session WHERE principal_name = ?", p.get("id"));
        long touched = ((Number) row.get("last_access_time")).longValue();
        assertThat(touched).isGreaterThanOrEqualTo(before - 1000);
        assertThat(((Number) row.get("expiry_time")).longValue())
                .isEqualTo(touched + ((Number) row.get("max_inactive_interval")).longValue() * 1000);
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndItsIdChangesAtLogin() {
        Map<String, String> p = person("auditor");
        Api browser = Api.browser(port);
        Api.Response first = browser.post("/api/session", Map.of("username", p.get("username"), "password",
                PASSWORD));
        String cookie = first.header("Set-Cookie");
        assertThat(first.headers().get("set-cookie")).anySatisfy(c -> assertThat(c).startsWith("AMY_SESSION=")
                .contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(cookie).isNotNull();
        String before = browser.cookie("AMY_SESSION");
        assertThat(browser.post("/api/session", Map.of("username", p.get("username"), "password", PASSWORD))
                .status()).isEqualTo(200);
        assertThat(browser.cookie("AMY_SESSION")).isNotNull().isNotEqualTo(before);
        assertThat(sessionRows(p.get("id"))).as("the old session is gone").isEqualTo(1);
    }

    @Test
    void aBrowserFormLogsInToo() {
        Map<String, String> p = person("auditor");
        Api browser = Api.browser(port);
        byte[] form = ("username=" + p.get("username") + "&password=" + PASSWORD.replace(' ', '+'))
                .getBytes(StandardCharsets.UTF_8);
        Api.Response r = browser.raw("POST", "/api/session", "application/x-www-form-urlencoded", form);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(browser.get("/api/session").json().path("id").asText()).isEqualTo(p.get("id"));
    }

    @Test
    void aWrongPasswordAnUnknownLoginAndADisabledLoginFailAlike() {
        Map<String, String> p = person("auditor");
        Map<String, String> off = person("auditor");
        assertThat(api.delete("/api/persons/" + off.get("id") + "/login").status()).isEqualTo(200);
        Api.Response wrong = anonymous.post("/api/session", Map.of("username", p.get("username"), "password",
                "not the password"));
        Api.Response unknown = anonymous.post("/api/session", Map.of("username", unique("nobody"), "password",
                PASSWORD));
        Api.Response unknownEmail = anonymous.post("/api/session", Map.of("username", unique("nobody") + "@x.org",
                "password", PASSWORD));
        Api.Response disabled = anonymous.post("/api/session", Map.of("username", off.get("username"), "password",
                PASSWORD));
        for (Api.Response r : new Api.Response[] {wrong, unknown, unknownEmail, disabled}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("login-failed");
            assertThat(r.json().path("detail").asText()).isEqualTo(wrong.json().path("detail").asText());
            assertThat(r.json().path("title").asText()).isEqualTo(wrong.json().path("title").asText());
        }
    }

    @Test
    void fiveFailuresThrottleALoginWhetherOrNotItExists() {
        Map<String, String> p = person("auditor");
        String ghost = unique("ghost");
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous.post("/api/session", Map.of("username", p.get("username"), "password", "wrong "
                    + i)).status()).isEqualTo(401);
            assertThat(anonymous.post("/api/session", Map.of("username", ghost, "password", "wrong " + i))
                    .status()).isEqualTo(401);
        }
        Api.Response real = anonymous.post("/api/session", Map.of("username", p.get("username").toUpperCase(
                java.util.Locale.ROOT), "password", PASSWORD));
        Api.Response fake = anonymous.post("/api/session", Map.of("username", ghost, "password", PASSWORD));
        for (Api.Response r : new Api.Response[] {real, fake}) {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.code()).isEqualTo("login-throttled");
            assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 900L);
        }
        assertThat(real.json().path("detail").asText().replaceAll("\\d+", "N"))
                .isEqualTo(fake.json().path("detail").asText().replaceAll("\\d+", "N"));
        assertThat(anonymous.post("/api/session", Map.of("username", p.get("email"), "password", PASSWORD))
                .status()).as("another login string of the same person is not throttled").isEqualTo(200);
    }

    @Test
    void disablingALoginEndsItsSessionsAtOnce() {
        Map<String, String> p = person("auditor");
        Api session = Api.login(port, p.get("username"), PASSWORD);
        assertThat(session.get("/api/session").status()).isEqualTo(200);
        assertThat(sessionRows(p.get("id"))).isEqualTo(1);
        Api.Response off = api.delete("/api/persons/" + p.get("id") + "/login");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().path("enabled").asBoolean()).isFalse();
        assertThat(sessionRows(p.get("id"))).isZero();
        Api.Response next = session.get("/api/persons/" + p.get("id"));
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.code()).isEqualTo("unauthenticated");
        assertThat(Api.account(port, p.get("username"), PASSWORD).get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void aRevokedRoleTakesEffectOnTheNextRequest() {
        Map<String, String> p = person("admin");
        Api session = Api.login(port, p.get("username"), PASSWORD);
        assertThat(session.get("/api/accounts").status()).isEqualTo(200);
        assertThat(api.delete("/api/persons/" + p.get("id") + "/roles/admin").status()).isEqualTo(200);
        Api.Response next = session.get("/api/accounts");
        assertThat(next.status()).isEqualTo(403);
        assertThat(session.get("/api/session").json().path("roles").size()).isZero();
    }

    @Test
    void nobodyChangesTheirOwnRolesOrDisablesTheirOwnLogin() {
        Map<String, String> p = person("admin");
        Api self = Api.login(port, p.get("username"), PASSWORD);
        Api.Response revoke = self.delete("/api/persons/" + p.get("id") + "/roles/admin");
        assertThat(revoke.status()).as(revoke.toString()).isEqualTo(409);
        assertThat(revoke.code()).isEqualTo("own-access");
        assertThat(self.put("/api/persons/" + p.get("id") + "/roles/auditor", null).code()).isEqualTo("own-access");
        assertThat(self.delete("/api/persons/" + p.get("id") + "/login").code()).isEqualTo("own-access");
        assertThat(self.get("/api/session").json().path("roles").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void sessionWritesNeedTheCsrfTokenAndBasicOrUnsafeLoginsDoNot() {
        Map<String, String> admin = person("admin");
        Map<String, String> other = person();
        Api session = Api.login(port, admin.get("username"), PASSWORD);
        assertThat(session.cookie("XSRF-TOKEN")).isNotBlank();
        Api.Response missing = session.withoutCsrf().put("/api/persons/" + other.get("id") + "/roles/staff", null);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.code()).isEqualTo("csrf-token-invalid");
        Api.Response wrong = session.withoutCsrf().put("/api/persons/" + other.get("id") + "/roles/staff", null,
                "X-XSRF-TOKEN", "forged");
        assertThat(wrong.code()).isEqualTo("csrf-token-invalid");
        assertThat(jdbc.queryForObject("SELECT roles FROM login_account WHERE person_id = ?::uuid", String.class,
                other.get("id"))).isEmpty();
        Api.Response ok = session.put("/api/persons/" + other.get("id") + "/roles/staff", null);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("roles").toString()).isEqualTo("[\"staff\"]");
        assertThat(api.delete("/api/persons/" + other.get("id") + "/roles/staff").status())
                .as("HTTP Basic carries no cookie a page could forge").isEqualTo(200);
    }

    @Test
    void passwordsKeepAmysRules() {
        Map<String, String> p = person();
        String path = "/api/persons/" + p.get("id") + "/password";
        for (String weak : new String[] {"short1!", "12345678901234", "password123", "qwertyuiop",
                p.get("username"), p.get("username") + "1", p.get("email")}) {
            Api.Response r = api.put(path, Map.of("password", weak));
            assertThat(r.status()).as(weak).isEqualTo(400);
            assertThat(r.code()).as(weak).isEqualTo("password-too-weak");
            assertThat(r.json().path("detail").asText()).isNotBlank();
        }
        assertThat(api.put(path, Map.of("password", "plum orchard lantern")).status()).isEqualTo(204);
        Api self = Api.login(port, p.get("username"), "plum orchard lantern");
        Api.Response wrongCurrent = self.put("/api/session/password", Map.of("current_password", "nope",
                "new_password", "another fine sentence"));
        assertThat(wrongCurrent.code()).isEqualTo("wrong-password");
        Api.Response weakNew = self.put("/api/session/password", Map.of("current_password", "plum orchard lantern",
                "new_password", "password1"));
        assertThat(weakNew.code()).isEqualTo("password-too-weak");
        assertThat(self.put("/api/session/password", Map.of("current_password", "plum orchard lantern",
                "new_password", "another fine sentence")).status()).isEqualTo(204);
        Api.login(port, p.get("username"), "another fine sentence");
    }

    @Test
    void aResetLinkSetsThePasswordOnceEndsSessionsAndExpires() {
        Map<String, String> p = person("auditor");
        Api session = Api.login(port, p.get("username"), PASSWORD);
        Api.Response issued = api.post("/api/persons/" + p.get("id") + "/password-resets", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String url = issued.json().path("url").asText();
        assertThat(issued.json().path("expires_at").asText()).isNotBlank();
        String token = url.substring(url.indexOf("password-reset=") + "password-reset=".length());
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM password_reset WHERE token_hash = ?", Long.class,
                token)).as("only the hash is kept").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') "
                + "LIKE ?", Long.class, "%" + token + "%")).isZero();
        Api.Response weak = anonymous.post("/api/password-resets", Map.of("token", token, "password", "password1"));
        assertThat(weak.code()).isEqualTo("password-too-weak");
        Api.Response used = anonymous.post("/api/password-resets", Map.of("token", token, "password",
                "copper meadow whistle"));
        assertThat(used.status()).as(used.toString()).isEqualTo(204);
        assertThat(session.get("/api/session").status()).as("the reset ended the sessions").isEqualTo(401);
        Api.login(port, p.get("username"), "copper meadow whistle");
        Api.Response again = anonymous.post("/api/password-resets", Map.of("token", token, "password",
                "silver meadow whistle"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("reset-invalid");
        String late = api.post("/api/persons/" + p.get("id") + "/password-resets", null).json().path("url").asText();
        String lateToken = late.substring(late.indexOf("password-reset=") + "password-reset=".length());
        jdbc.update("UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE person_id = ?::uuid "
                + "AND used_at IS NULL", p.get("id"));
        assertThat(anonymous.post("/api/password-resets", Map.of("token", lateToken, "password",
                "golden meadow whistle")).code()).isEqualTo("reset-invalid");
        assertThat(anonymous.post("/api/password-resets", Map.of("token", "made-up", "password",
                "golden meadow whistle")).code()).isEqualTo("reset-invalid");
    }

    @Test
    void adminsListLoginsAndWorkshopsCanBeAssignedToThem() {
        Map<String, String> p = person("staff");
        Api.Response list = api.get("/api/accounts?page_size=1000");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("results")).anySatisfy(a -> {
            assertThat(a.path("id").asText()).isEqualTo(p.get("id"));
            assertThat(a.path("username").asText()).isEqualTo(p.get("username"));
            assertThat(a.path("family").asText()).isEqualTo("Login");
            assertThat(a.path("roles").toString()).isEqualTo("[\"staff\"]");
            assertThat(a.path("enabled").asBoolean()).isTrue();
        });
        assertThat(list.json().path("results").toString()).doesNotContain("password");
        assertThat(jdbc.queryForObject("SELECT retired FROM lookup_reference WHERE kind = 'ACCOUNT' AND id = ?::uuid",
                Boolean.class, p.get("id"))).isFalse();
        api.delete("/api/persons/" + p.get("id") + "/login");
        assertThat(jdbc.queryForObject("SELECT retired FROM lookup_reference WHERE kind = 'ACCOUNT' AND id = ?::uuid",
                Boolean.class, p.get("id"))).isTrue();
    }

    @Test
    void archivingMergingOrErasingAPersonDisablesTheirLoginAndEndsTheirSessions() {
        Map<String, String> archived = person("auditor");
        Api archivedSession = Api.login(port, archived.get("username"), PASSWORD);
        assertThat(api.put("/api/persons/" + archived.get("id") + "/archived", null).status()).isEqualTo(200);
        assertThat(archivedSession.get("/api/session").status()).isEqualTo(401);
        assertThat(api.put("/api/persons/" + archived.get("id") + "/login", null).code()).isEqualTo("person-archived");

        Map<String, String> absorbed = person("auditor");
        Map<String, String> survivor = person();
        Api absorbedSession = Api.login(port, absorbed.get("username"), PASSWORD);
        Api.Response merged = api.post("/api/persons/merges", Map.of("person_a", survivor.get("id"), "person_b",
                absorbed.get("id")));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(absorbedSession.get("/api/session").status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT enabled FROM login_account WHERE person_id = ?::uuid", Boolean.class,
                absorbed.get("id"))).isFalse();

        Map<String, String> erased = person("auditor");
        Api erasedSession = Api.login(port, erased.get("username"), PASSWORD);
        assertThat(api.post("/api/persons/" + erased.get("id") + "/erasure", null).status()).isEqualTo(200);
        assertThat(erasedSession.get("/api/session").status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_account WHERE person_id = ?::uuid", Long.class,
                erased.get("id"))).as("erasure deletes the credential").isZero();
    }
}
