package org.carpentries.amy.api.bootstrap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which bootstrap steps have run. */
@Component
class BootstrapSteps {

    private final JdbcTemplate jdbc;

    BootstrapSteps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean done(String step) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM bootstrap_step WHERE name = ?", Long.class, step);
        return n != null && n > 0;
    }

    void markDone(String step) {
        jdbc.update("INSERT INTO bootstrap_step (name) VALUES (?) ON CONFLICT DO NOTHING", step);
    }
}
