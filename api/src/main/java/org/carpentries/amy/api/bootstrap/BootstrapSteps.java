package org.carpentries.amy.api.bootstrap;

import java.util.List;
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

    /** The steps done whose names start with {@code prefix}, in name order. */
    List<String> startingWith(String prefix) {
        return jdbc.queryForList("SELECT name FROM bootstrap_step WHERE starts_with(name, ?) ORDER BY name",
                String.class, prefix);
    }

    void markDone(String step) {
        jdbc.update("INSERT INTO bootstrap_step (name) VALUES (?) ON CONFLICT DO NOTHING", step);
    }
}
