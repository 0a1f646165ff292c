package org.carpentries.amy.api.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;

import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.query.replay.ReadModelStatus;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The benchmark's data set loaded at start-up: through the command side with the read models' processors stopped,
 * and every read model holding every event, its processor running again, before the app is ready.
 */
class BenchDataIT extends FreshDatabaseIT {

    @Autowired
    ReadModels readModels;
    @Autowired
    BenchData benchData;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void benchDataOn(DynamicPropertyRegistry registry) {
        registry.add("amy.seed", () -> "true");
        registry.add("amy.bench-data", () -> "0.002");
    }

    @Test
    void everyReadModelHasEveryEventAndRunsOnceTheAppIsReady() {
        long head = readModels.head();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?",
                Long.class, "%WorkshopScheduled")).isGreaterThanOrEqualTo(20);
        assertThat(readModels.status()).hasSize(12).allSatisfy(model -> {
            assertThat(model.state()).as(model.name()).isEqualTo("running");
            assertThat(model.position()).as(model.name()).isEqualTo(head);
        });
        assertThat(api.get("/api/workshops?page_size=1").json().path("count").asLong()).isPositive();
    }

    @Test
    void aSecondStartLoadsNothingAndLeavesTheReadModelsRunning() throws Exception {
        long head = readModels.head();
        benchData.run(new DefaultApplicationArguments());
        assertThat(readModels.head()).isEqualTo(head);
        assertThat(readModels.status()).extracting(ReadModelStatus::state).containsOnly("running");
    }

    @Test
    void anotherSizeOnTheSameDatabaseIsRefusedBeforeAnyCommand() {
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        BenchData other = new BenchData(context.getBean(CommandGateway.class), context.getBean(Lookups.class),
                context.getBean(BootstrapSteps.class), context.getBean(PlatformTransactionManager.class), "0.003",
                context.getBean(EventProcessingConfiguration.class), readModels,
                context.getBean(EntityManager.class));

        assertThatThrownBy(() -> other.run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This database holds the benchmark data set of size 0.002; size 0.003 needs a database of "
                        + "its own (another AMY_DATA_DIR, or ops/bench --data with a new folder)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
        assertThat(readModels.status()).extracting(ReadModelStatus::state).containsOnly("running");
    }
}
