package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.carpentries.amy.command.organisation.events.OrganisationRegistered;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.carpentries.amy.query.replay.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A write answers once every read model that handles its events has them: many writes waiting at once each answer
 * with their own events in every model, a write that a stopped model cannot take up answers "behind" when the wait
 * is over, not later, and a stopped model holds up no write whose events it has no handler for.
 */
@TestPropertySource(properties = "amy.read-model-wait=1s")
class ReadModelWaitIT extends FreshDatabaseIT {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ReadModels readModels;

    @Test
    void writesWaitingTogetherEachAnswerOnceTheirEventsAreInEveryModel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> created = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String name = "wait-" + i;
                created.add(pool.submit(() -> api.post("/api/tags", Fixtures.tag(name))));
            }
            for (int i = 0; i < created.size(); i++) {
                assertThat(created.get(i).get().status()).isEqualTo(201);
                // Read your writes: the view has the tag as soon as its creation answered.
                assertThat(api.get("/api/tags/wait-" + i).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteThatAStoppedModelCannotTakeUpAnswersBehindWhenTheWaitIsOver() {
        EventProcessor tags = processing.eventProcessor("tags").orElseThrow();
        tags.shutDown();
        try {
            long started = System.nanoTime();
            Api.Response created = api.post("/api/tags", Fixtures.tag("held-up"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(created.status()).isEqualTo(202);
            assertThat(created.code()).isEqualTo("read-models-behind");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
            assertThat(api.get("/api/tags/held-up").status()).isEqualTo(404);
        } finally {
            tags.start();
        }
        assertThat(readModels.awaitProcessed(List.of(readModels.head()), Duration.ofSeconds(30))).isTrue();
        assertThat(api.get("/api/tags/held-up").status()).isEqualTo(200);
    }
    @Test
    void aWriteWaitsOnlyForTheModelsThatHandleItsEvents() {
        assertThat(readModels.handling(OrganisationRegistered.class)).contains("organisations", "audit")
                .doesNotContain("tags", "workshops", "persons");
        assertThat(readModels.handling(TagCreated.class)).contains("tags", "published", "audit")
                .doesNotContain("organisations", "persons");

        EventProcessor tags = processing.eventProcessor("tags").orElseThrow();
        tags.shutDown();
        try {
            // The tags model does not change with a new organisation: the write is visible everywhere it shows.
            Api.Response created = api.post("/api/organisations", Fixtures.organisation("waits-not.example.org"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(api.get("/api/organisations/waits-not.example.org").status()).isEqualTo(200);
            assertThat(api.get("/api/audit?event_type=OrganisationRegistered").body())
                    .contains("waits-not.example.org");
        } finally {
            tags.start();
        }
    }
}
