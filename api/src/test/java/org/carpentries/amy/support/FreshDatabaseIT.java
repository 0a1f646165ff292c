package org.carpentries.amy.support;

import org.carpentries.amy.AmyApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Like {@link AmyIT}, but each test class gets an application on an empty database of its own, for tests that
 * assert on everything in the store (exports, the 2016 incident).
 */
@SpringBootTest(classes = AmyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"amy.security.basic-auth=true", "amy.admin.username=" + Api.ADMIN,
                "amy.admin.password=" + Api.ADMIN_PASSWORD, "amy.seed=false",
                "amy.security.password-cost=4", "amy.verification.enabled=false",
                "amy.rate-limits.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class FreshDatabaseIT {

    @LocalServerPort
    protected int port;
    @Autowired
    protected org.springframework.jdbc.core.JdbcTemplate jdbc;
    protected Api api;
    protected Api anonymous;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("amy.db.url", () -> TestDatabases.create("fresh"));
        registry.add("amy.db.user", TestDatabases::user);
        registry.add("amy.db.password", TestDatabases::password);
    }

    @BeforeEach
    void clients() {
        api = Api.admin(port);
        anonymous = Api.anonymous(port);
    }
}
