package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.carpentries.amy.AmyApplication;
import org.carpentries.amy.query.replay.ReadModelStatus;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database whose read models each ran in a processor of their own, started with five of them sharing one: where
 * their positions differ by an event one of them handles, the shared processor starts at the furthest and the five
 * are rebuilt from the store once the processors run; the models of other processors are left alone.
 */
class ReadModelProcessorChangeIT {

    private static final List<String> SHARED = List.of("workshops", "published", "persons", "people-exports", "audit");

    @Test
    void modelsAtDifferentPositionsMovedIntoOneProcessorAreRebuiltAtStart() {
        String url = TestDatabases.create("processors");
        long created;
        try (ConfigurableApplicationContext before = start(url, "")) {
            Api api = Api.admin(port(before));
            assertThat(api.post("/api/tags", Fixtures.tag("moved")).status()).isEqualTo(201);
            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            created = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            assertThat(before.getBean(ReadModels.class).processorName("published")).isEqualTo("published");
        }
        JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(url,
                TestDatabases.user(), TestDatabases.password()));
        assertThat(direct.update("UPDATE token_entry SET token = convert_to(?, 'UTF8') WHERE processor_name = ?",
                "{\"index\":" + (created - 1) + ",\"gaps\":[]}", "published")).isEqualTo(1);

        try (ConfigurableApplicationContext after = start(url, null)) {
            ReadModels readModels = after.getBean(ReadModels.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> SHARED.stream().map(readModels::status)
                    .allMatch(s -> s.lastRebuild() != null && s.lastRebuild().state().equals("done")
                            && s.state().equals("running")));
            for (String name : SHARED) {
                ReadModelStatus status = readModels.status(name);
                assertThat(status.processor()).isEqualTo("workshops-people-audit");
                assertThat(status.lastRebuild().position()).as(name).isGreaterThanOrEqualTo(created);
            }
            assertThat(readModels.status("tags").lastRebuild()).isNull();
            assertThat(direct.queryForList("SELECT processor_name FROM token_entry WHERE processor_name IN "
                    + "('workshops', 'published', 'persons', 'people-exports', 'audit')", String.class)).isEmpty();
            Api api = Api.admin(port(after));
            assertThat(api.get("/api/v1/events/published.yaml").status()).isEqualTo(200);
            assertThat(api.get("/api/tags/moved").status()).isEqualTo(200);
        }
    }

    /**
     * An application on {@code url}; {@code processors} null keeps application.yml's read model processors. The
     * settings are arguments, which come before application.yml.
     */
    private static ConfigurableApplicationContext start(String url, String processors) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--amy.db.url=" + url,
                "--amy.db.user=" + TestDatabases.user(), "--amy.db.password=" + TestDatabases.password(),
                "--amy.security.basic-auth=true", "--amy.admin.username=" + Api.ADMIN,
                "--amy.admin.password=" + Api.ADMIN_PASSWORD, "--amy.seed=false", "--amy.security.password-cost=4",
                "--amy.verification.enabled=false", "--amy.rate-limits.enabled=false"));
        if (processors != null) {
            args.add("--amy.read-model-processors=" + processors);
        }
        return new SpringApplicationBuilder(AmyApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
