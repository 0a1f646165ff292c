package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.carpentries.amy.command.organisation.events.OrganisationRegistered;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Each read model is waited for only up to the positions of the events it handles, apart from how waits are woken:
 * the tags model is held inside a batch by a lock on its table, so its position stays before a later organisation's
 * event, and a wait that gives it only its own event's position still ends (every model waited for up to the newest
 * position would not). {@link ReadModelWakeIT} covers the wakes, which need these per-model positions.
 */
@TestPropertySource(properties = "amy.read-model-wait=1s")
class ReadModelPositionsIT extends FreshDatabaseIT {

    @Autowired
    private ReadModels readModels;
    @Autowired
    private DataSource dataSource;

    @Test
    void aModelIsWaitedForOnlyUpToTheEventsItHandles() throws Exception {
        assertThat(readModels.handling(OrganisationRegistered.class)).doesNotContain("tags");
        assertThat(api.post("/api/tags", Fixtures.tag("positions-first")).status()).isEqualTo(201);
        long firstTag = readModels.head();

        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                // Reads go on; the tags model's next write waits for this transaction.
                statement.execute("LOCK TABLE tag_view IN EXCLUSIVE MODE");
            }
            try {
                Api.Response held = api.post("/api/tags", Fixtures.tag("positions-held"));
                assertThat(held.status()).isEqualTo(202);
                assertThat(held.code()).isEqualTo("read-models-behind");
                long heldTag = readModels.head();

                assertThat(api.post("/api/organisations", Fixtures.organisation("positions.example.org")).status())
                        .isEqualTo(201);
                long organisation = readModels.head();
                assertThat(organisation).isGreaterThan(heldTag);
                assertThat(heldTag).isGreaterThan(firstTag);
                assertThat(readModels.position("tags")).isLessThan(heldTag);

                // The tags model has its own event, though not the organisation's: that is enough.
                assertThat(readModels.awaitProcessed(Map.of(TagCreated.class, List.of(firstTag),
                        OrganisationRegistered.class, List.of(organisation)), Duration.ofSeconds(30))).isTrue();
                // Given the organisation's position as a tag event's, the tags model is waited for up to it.
                assertThat(readModels.awaitProcessed(Map.of(TagCreated.class, List.of(organisation)),
                        Duration.ofMillis(300))).isFalse();
                assertThat(readModels.awaitProcessed(Map.of(TagCreated.class, List.of(heldTag)),
                        Duration.ofMillis(300))).isFalse();
                assertThat(api.get("/api/tags/positions-held").status()).isEqualTo(404);
            } finally {
                lock.rollback();
            }
        }

        assertThat(readModels.awaitProcessed(List.of(readModels.head()), Duration.ofSeconds(30))).isTrue();
        assertThat(api.get("/api/tags/positions-held").status()).isEqualTo(200);
    }
}
