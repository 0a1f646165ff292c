package org.carpentries.amy.support;

import org.carpentries.amy.AmyApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An integration test against the whole application over real HTTP, on a real PostgreSQL with Flyway's schema and
 * the Axon store. Test classes that extend this share one application and database: they use names of their own.
 */
@SpringBootTest(classes = AmyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"amy.security.basic-auth=true", "amy.admin.username=" + Api.ADMIN,
                "amy.admin.password=" + Api.ADMIN_PASSWORD, "amy.seed=false",
                "amy.security.password-cost=4", "amy.verification.enabled=false",
                "amy.cors.allowed-origins=https://websites.example",
                "amy.rate-limits.enabled=false"})
public abstract class AmyIT {

    @LocalServerPort
    protected int port;
    @Autowired
    protected org.springframework.jdbc.core.JdbcTemplate jdbc;
    protected Api api;
    protected Api anonymous;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("amy.db.url", () -> TestDatabases.create("shared"));
        registry.add("amy.db.user", TestDatabases::user);
        registry.add("amy.db.password", TestDatabases::password);
    }

    @BeforeEach
    void clients() {
        api = Api.admin(port);
        anonymous = Api.anonymous(port);
    }

    /** A client logged in (HTTP Basic) as a new person with a login and the auditor role, made by the admin. */
    protected Api newAuditor() {
        return Api.account(port, newLogin("auditor", "auditor password 1", "auditor"), "auditor password 1");
    }

    /** A client logged in (HTTP Basic) as a new person with a login and the staff role, made by the admin. */
    protected Api newStaff() {
        return Api.account(port, newLogin("staff", "staff password 12", "staff"), "staff password 12");
    }

    /**
     * Registers a person through the API as the admin, sets their password, grants {@code roles} and enables their
     * login; answers their username.
     */
    protected String newLogin(String prefix, String password, String... roles) {
        String username = unique(prefix).replace('-', '_');
        Api.Response registered = api.post("/api/persons", java.util.Map.of("personal", "Test", "family",
                prefix.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + prefix.substring(1), "username", username));
        expect(201, registered);
        String id = registered.json().path("id").asText();
        expect(204, api.put("/api/persons/" + id + "/password", java.util.Map.of("password", password)));
        for (String role : roles) {
            expect(200, api.put("/api/persons/" + id + "/roles/" + role, null));
        }
        expect(200, api.put("/api/persons/" + id + "/login", null));
        return username;
    }

    private static void expect(int status, Api.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + response);
        }
    }

    /**
     * A machine client with a new bearer token of {@code scopes} ({@code exports:read}, {@code members:read},
     * {@code audit:read}), issued by the admin through the API.
     */
    protected Api newToken(String... scopes) {
        Api.Response issued = api.post("/api/tokens", java.util.Map.of("name", unique("token"), "scopes",
                java.util.List.of(scopes)));
        if (issued.status() != 201) {
            throw new IllegalStateException("Could not issue a token: " + issued);
        }
        return Api.bearer(port, issued.json().path("token").asText());
    }

    /** A name no other test uses, for values that must be unique. */
    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /**
     * An IATA code no airport has yet. Random: codes are short, and the leading digits of a clock change only every
     * minute or so (a loop waiting for them once ran for ten minutes of requests).
     */
    protected String freeAirportCode() {
        String iata;
        do {
            iata = "Q" + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36
                    * 36), 36).toUpperCase(java.util.Locale.ROOT);
        } while (api.get("/api/airports/" + iata).status() == 200);
        return iata;
    }

    protected long eventCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }
}
