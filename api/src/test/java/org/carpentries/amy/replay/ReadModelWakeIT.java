package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * A waiting write is woken by the read models' processors as their batches end; it does not look for itself. Here a
 * write would look again only after an hour, so a wait that no batch wakes runs to its end (10 s), which the lag
 * endpoint counts as a recheck. A workshop's events reach models that handle only some of them (the tags model takes
 * no {@code WorkshopScheduled}): each model is waited for only up to the events it handles, which its own batches
 * end with. Every wait is traced here (a threshold of 1 ns): tracing leaves the wakes as they are, and each write logs
 * the batches it waited for.
 */
@TestPropertySource(properties = {"amy.read-model-wait=10s", "amy.read-model-recheck=1h",
        "amy.read-model-trace=1ns"})
@ExtendWith(OutputCaptureExtension.class)
class ReadModelWakeIT extends FreshDatabaseIT {

    @Test
    void writesAreWokenByTheBatchesThatHandleTheirEvents(CapturedOutput output) throws Exception {
        JsonNode before = api.get("/api/admin/read-models/lag").json();
        assertThat(api.post("/api/organisations", Fixtures.organisation("wake.example.org")).status()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> created = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "wake-" + i;
                created.add(pool.submit(() -> api.post("/api/tags", Fixtures.tag(name))));
            }
            for (int i = 0; i < created.size(); i++) {
                assertThat(created.get(i).get().status()).isEqualTo(201);
                assertThat(api.get("/api/tags/wake-" + i).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Api.Response workshop = api.post("/api/workshops", Fixtures.publishedWorkshop("2031-01-10-wake",
                "wake.example.org", "2031-01-10", List.of("wake-1", "wake-2")));
        assertThat(workshop.status()).as(workshop.body()).isEqualTo(201);
        assertThat(api.get("/api/workshops/2031-01-10-wake").json().get("tags").toString())
                .contains("wake-1", "wake-2");
        assertThat(anonymous.get("/api/v1/events/published.yaml").body()).contains("2031-01-10-wake");

        Api.Response edited = api.patch("/api/workshops/2031-01-10-wake", Map.of("venue", "Science Library"),
                "If-Match", workshop.header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/events/published.yaml").body()).contains("Science Library");
        Api.Response tagged = api.put("/api/workshops/2031-01-10-wake/tags/wake-3", null);
        assertThat(tagged.status()).as(tagged.body()).isBetween(200, 204);
        assertThat(api.get("/api/workshops/2031-01-10-wake").json().get("tags").toString()).contains("wake-3");

        JsonNode after = api.get("/api/admin/read-models/lag").json();
        assertThat(after.get("count").asLong() - before.get("count").asLong()).isEqualTo(20);
        assertThat(after.get("rechecks").asLong()).isEqualTo(before.get("rechecks").asLong());
        assertThat(after.get("woken_by_batches").asLong()).isGreaterThan(before.get("woken_by_batches").asLong());
        assertThat(output.getOut()).containsPattern("slow wait [0-9.]+ ms for \\[[0-9, ]+\\] in \\[[a-z, -]*"
                + "workshops-people-audit[a-z, -]*\\]; gc [0-9]+ pauses [0-9]+ ms; batches: .*\\[workshops-people-audit "
                + "[0-9]+ events [0-9]+\\.\\.[0-9]+: start [-+][0-9.]+ handled [-+][0-9.]+ stored [-+][0-9.]+ committed "
                + "[-+][0-9.]+ woke [-+][0-9.]+; slowest [A-Za-z]+ [0-9.]+ ms\\]");
    }
}
