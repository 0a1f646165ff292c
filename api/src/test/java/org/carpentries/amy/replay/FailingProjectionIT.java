package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.query.replay.RebuildProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A projection that fails on an event dead-letters it, with later events of the same record queued behind, and goes
 * on with the others; once the cause is fixed a retry applies them in order. The constraint breaks only the events
 * whose details say BROKEN, as a bug in one handler would.
 */
@TestPropertySource(properties = "amy.read-model-wait=60s")
class FailingProjectionIT extends FreshDatabaseIT {

    @Autowired
    private ReadModels readModels;

    private static final String BREAK = "ALTER TABLE tag_view ADD CONSTRAINT broken_details "
            + "CHECK (details NOT LIKE '%BROKEN%') NOT VALID";
    private static final String FIX = "ALTER TABLE tag_view DROP CONSTRAINT broken_details";

    @Test
    void aFailingEventIsDeadLetteredTheRestGoesOnAndARetryAfterTheFixAppliesItInOrder() {
        String b = api.post("/api/tags", Fixtures.tag("B")).json().path("id").asText();
        jdbc.execute(BREAK);
        try {
            long before = System.nanoTime();
            Api.Response edited = api.patch("/api/tags/B", Map.of("details", "BROKEN details"), "If-Match", "\"0\"");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(30));
            assertThat(edited.status()).isEqualTo(202);
            assertThat(edited.code()).isEqualTo("read-models-dead-lettered");
            assertThat(api.put("/api/tags/B/retired", null).status()).isEqualTo(202);
            assertThat(api.post("/api/tags", Fixtures.tag("C")).status()).isEqualTo(201);

            JsonNode tags = deadLetters("tags");
            assertThat(tags.path("dead_letters").asLong()).isEqualTo(2);
            assertThat(tags.path("sequences").asLong()).isEqualTo(1);
            JsonNode first = tags.path("letters").get(0);
            assertThat(first.path("sequence_id").asText()).isEqualTo(b);
            assertThat(first.path("event_type").asText()).isEqualTo("TagDetailsChanged");
            assertThat(first.path("aggregate_id").asText()).isEqualTo(b);
            assertThat(first.path("aggregate_type").asText()).isEqualTo("Tag");
            assertThat(first.path("global_position").asLong()).isEqualTo(jdbc.queryForObject(
                    "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                    Long.class, b));
            assertThat(first.path("cause_type").asText()).endsWith("DataIntegrityViolationException");
            assertThat(first.path("cause_message").asText()).contains("broken_details");
            assertThat(first.path("enqueued_at").asText()).endsWith("Z");
            assertThat(first.path("retries").asLong()).isZero();
            JsonNode second = tags.path("letters").get(1);
            assertThat(second.path("event_type").asText()).isEqualTo("TagRetired");
            assertThat(second.path("cause_type").isNull()).isTrue();
            assertThat(metric("tags")).isEqualTo(2.0);
            assertThat(metric("organisations")).isZero();

            assertThat(api.get("/api/tags/B").json().path("details").asText()).isEqualTo("B workshops");
            assertThat(api.get("/api/tags/B").json().path("retired").asBoolean()).isFalse();
            assertThat(api.get("/api/tags/C").status()).isEqualTo(200);

            JsonNode stillBroken = api.post("/api/admin/dead-letters/tags/retries", null).json();
            assertThat(stillBroken.path("still_failing").get(0).asText()).isEqualTo(b);
            assertThat(deadLetters("tags").path("letters").get(0).path("retries").asLong()).isEqualTo(1);
        } finally {
            jdbc.execute(FIX);
        }
        JsonNode retried = api.post("/api/admin/dead-letters/tags/retries", Map.of("sequence_id", b)).json();
        assertThat(retried.path("resolved").get(0).asText()).isEqualTo(b);
        assertThat(retried.path("still_failing")).isEmpty();
        JsonNode view = api.get("/api/tags/B").json();
        assertThat(view.path("details").asText()).isEqualTo("BROKEN details");
        assertThat(view.path("retired").asBoolean()).isTrue();
        assertThat(deadLetters("tags").path("letters")).isEmpty();
        assertThat(metric("tags")).isZero();
    }

    @Test
    void evictingDropsASequenceForGoodAndNeedsAReason() {
        jdbc.execute(BREAK);
        String d;
        try {
            Api.Response created = api.post("/api/tags", Map.of("name", "D", "details", "BROKEN too"));
            assertThat(created.code()).isEqualTo("read-models-dead-lettered");
            d = jdbc.queryForObject("SELECT aggregate_identifier FROM dead_letter_entry WHERE processing_group = 'tags'",
                    String.class);
        } finally {
            jdbc.execute(FIX);
        }
        Api.Response noReason = api.delete("/api/admin/dead-letters/tags/" + d);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("reason-required");
        assertThat(metric("tags")).isEqualTo(1.0);

        assertThat(api.delete("/api/admin/dead-letters/tags/" + d + "?reason=test%20data").status()).isEqualTo(204);
        assertThat(deadLetters("tags").path("letters")).isEmpty();
        assertThat(metric("tags")).isZero();
        assertThat(api.get("/api/tags/D").status()).isEqualTo(404);
        assertThat(api.delete("/api/admin/dead-letters/tags/" + d + "?reason=again").status()).isEqualTo(404);
        assertThat(api.get("/api/admin/dead-letters?group=nope").code()).isEqualTo("unknown-processing-group");
        assertThat(api.post("/api/admin/dead-letters/nope/retries", null).status()).isEqualTo(404);
    }

    @Test
    void aRebuildAfterTheFixAppliesTheDeadLetteredEventsAndClearsTheirLetters() {
        jdbc.execute(BREAK);
        try {
            assertThat(api.post("/api/tags", Map.of("name", "E", "details", "BROKEN again")).code())
                    .isEqualTo("read-models-dead-lettered");
        } finally {
            jdbc.execute(FIX);
        }
        assertThat(deadLetters("tags").path("dead_letters").asLong()).isEqualTo(1);

        assertThat(readModels.runNow("tags", false, Duration.ofMinutes(2)).state()).isEqualTo("done");

        assertThat(api.get("/api/tags/E").json().path("details").asText()).isEqualTo("BROKEN again");
        assertThat(deadLetters("tags").path("letters")).isEmpty();
    }

    @Test
    void theEndpointsAreDocumentedAndForAdminsOnly() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");
        assertThat(paths.path("/api/admin/dead-letters").has("get")).isTrue();
        assertThat(paths.path("/api/admin/dead-letters/{group}/retries").has("post")).isTrue();
        assertThat(paths.path("/api/admin/dead-letters/{group}/{sequence}").has("delete")).isTrue();
        assertThat(anonymous.get("/api/admin/dead-letters").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/metrics/amy.dead_letters").status()).isEqualTo(401);
    }

    @Test
    void aRebuildThatFailsOnAnEventFailsWholeAndTheLiveModelKeepsServing() {
        api.post("/api/tags", Fixtures.tag("REPLAY-OK"));
        api.post("/api/tags", Fixtures.tag("REPLAY-BAD"));
        jdbc.execute("ALTER TABLE tag_view_rebuild ADD CONSTRAINT rebuild_breaks CHECK (name <> 'REPLAY-BAD') "
                + "NOT VALID");
        try {
            RebuildProgress rebuild = readModels.runNow("tags", false, Duration.ofMinutes(2));

            assertThat(rebuild.state()).isEqualTo("failed");
            assertThat(rebuild.error()).contains("TagCreated").contains("rebuild_breaks");
            assertThat(api.get("/api/tags/REPLAY-BAD").status()).isEqualTo(200);
            assertThat(api.get("/api/tags/REPLAY-OK").status()).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_constraint WHERE conname = 'rebuild_breaks' "
                    + "AND conrelid = 'tag_view_rebuild'::regclass", Long.class)).as("nothing swapped").isEqualTo(1);
            RebuildProgress verification = readModels.runNow("tags", true, Duration.ofMinutes(2));
            assertThat(verification.state()).isEqualTo("failed");
        } finally {
            jdbc.execute("ALTER TABLE tag_view_rebuild DROP CONSTRAINT IF EXISTS rebuild_breaks");
        }
        assertThat(readModels.runNow("tags", true, Duration.ofMinutes(2)).differences()).isEmpty();
    }

    private JsonNode deadLetters(String group) {
        JsonNode all = api.get("/api/admin/dead-letters?group=" + group).json();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private double metric(String group) {
        return api.get("/actuator/metrics/amy.dead_letters?tag=group:" + group).json()
                .path("measurements").get(0).path("value").asDouble();
    }
}
