package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A projection that fails on an event retries it until it succeeds; the event is never skipped. */
@TestPropertySource(properties = "amy.read-model-wait=1s")
class FailingProjectionIT extends FreshDatabaseIT {

    @Test
    void aFailingEventIsRetriedNotSkippedAndTheWriteAnswers202Meanwhile() {
        jdbc.execute("ALTER TABLE tag_view RENAME COLUMN details TO details_broken");
        try {
            Api.Response created = api.post("/api/tags", Fixtures.tag("WHILE-BROKEN"));
            assertThat(created.status()).isEqualTo(202);
            assertThat(created.code()).isEqualTo("read-models-behind");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM tag_view WHERE name = 'WHILE-BROKEN'", Long.class))
                    .isZero();
        } finally {
            jdbc.execute("ALTER TABLE tag_view RENAME COLUMN details_broken TO details");
        }
        Awaitility.await().atMost(Duration.ofMinutes(2))
                .until(() -> api.get("/api/tags/WHILE-BROKEN").status() == 200);
        assertThat(api.get("/api/tags/WHILE-BROKEN").json().path("details").asText())
                .isEqualTo("WHILE-BROKEN workshops");
    }
}
