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
                "amy.rate-limits.enabled=false"})
public abstract class AmyIT {

    @LocalServerPort
    protected int port;
    @Autowired
    protected org.springframework.jdbc.core.JdbcTemplate jdbc;
    protected Api api;
    protected Api anonymous;
    @Autowired
    private org.springframework.security.crypto.password.PasswordEncoder passwords;

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

    /** A client logged in as a new account with the auditor role, made in the table until issue 6's commands. */
    protected Api newAuditor() {
        String username = unique("auditor");
        jdbc.update("INSERT INTO account (id, username, password_hash, roles) VALUES (?, ?, ?, 'auditor')",
                java.util.UUID.randomUUID(), username, passwords.encode("auditor password 1"));
        return Api.account(port, username, "auditor password 1");
    }

    /** A client logged in as a new account with the staff role, made in the table until issue 6's commands. */
    protected Api newStaff() {
        String username = unique("staff");
        jdbc.update("INSERT INTO account (id, username, password_hash, roles) VALUES (?, ?, ?, 'staff')",
                java.util.UUID.randomUUID(), username, passwords.encode("staff password 12"));
        return Api.account(port, username, "staff password 12");
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
