package org.carpentries.amy.ops.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilds every read model in one pass, or replays one model alone (a verification), through the admin API, and
 * follows it until it is done.
 */
final class Replay {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final double MIN_STREAMING_SPAN_SECONDS = 0.25;

    private final AmyClient client;
    private final Duration timeout;

    Replay(AmyClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * One rebuild. {@code serverSeconds} runs from the app's start to finish stamps (replay, catch-up and swap);
     * {@code wallSeconds} from our request until we saw it done, so it includes up to one polling interval.
     * {@code streamingEventsPerSecond} is the slope of the progress we polled while events streamed, without the
     * fixed costs at start and end; null when the replay was too short to see it.
     */
    record Sample(String readModel, long eventsReplayed, long head, double serverSeconds, double wallSeconds,
                  double serverEventsPerSecond, Double streamingEventsPerSecond, double appCpuSeconds,
                  double postgresCpuSeconds, int differences) {

        double eventsPerSecond() {
            return eventsReplayed / serverSeconds;
        }
    }

    /**
     * One model replayed alone: a verification, which replays the store into the model's twin tables and compares
     * them with the live ones, switching nothing. A rebuild of one model takes the other models of its processor with
     * it; a verification does not. {@code differences} counts the rows that differed (at most 100 are listed).
     */
    Sample replayAlone(String readModel, AppProcess app) {
        String base = "api/admin/read-models/" + readModel;
        String path = base + "/verifications";
        double appCpu = CpuTime.of(app.handle());
        double postgresCpu = CpuTime.ofTree(app.postgres());
        long t0 = System.nanoTime();
        JsonNode accepted = client.expect(202, client.post(path, null), "POST " + path).json();
        String startedAt = accepted.path("started_at").asString();
        long deadline = t0 + timeout.toNanos();
        long firstCount = -1;
        long firstSeen = 0;
        long lastCount = -1;
        long lastSeen = 0;
        while (System.nanoTime() < deadline) {
            long polled = System.nanoTime();
            JsonNode progress = client.expect(200, client.get(base + "/rebuilds/latest"),
                    "GET " + base + "/rebuilds/latest").json();
            if (!startedAt.equals(progress.path("started_at").asString())) {
                throw new IllegalStateException("Another replay of " + readModel + " started meanwhile: " + progress);
            }
            String state = progress.path("state").asString();
            if ("failed".equals(state)) {
                throw new IllegalStateException("Replay of " + readModel + " failed: " + progress.path("error"));
            }
            long count = progress.path("events_replayed").asLong();
            if ("running".equals(state) && count > 0 && count != lastCount) {
                if (firstCount < 0) {
                    firstCount = count;
                    firstSeen = polled;
                }
                lastCount = count;
                lastSeen = polled;
            }
            if ("done".equals(state)) {
                double span = (lastSeen - firstSeen) / 1e9;
                Double streaming = lastCount > firstCount && span >= MIN_STREAMING_SPAN_SECONDS
                        ? (lastCount - firstCount) / span : null;
                double wall = (System.nanoTime() - t0) / 1e9;
                Instant started = Instant.parse(progress.path("started_at").asString());
                Instant finished = Instant.parse(progress.path("finished_at").asString());
                double server = Duration.between(started, finished).toNanos() / 1e9;
                return new Sample(readModel, progress.path("events_replayed").asLong(), progress.path("head").asLong(),
                        server, wall, progress.path("events_per_second").asDouble(), streaming,
                        CpuTime.of(app.handle()) - appCpu, CpuTime.ofTree(app.postgres()) - postgresCpu,
                        progress.path("differences").size());
            }
            AppProcess.pause(POLL);
        }
        throw new IllegalStateException("Replay of " + readModel + " not done after " + timeout);
    }

    /**
     * One pass over the store rebuilding every read model: {@code events} the store's events it replayed,
     * {@code serverSeconds} from the pass's start to the last model's finish stamp.
     */
    record PassSample(List<String> readModels, long events, double serverSeconds, double appCpuSeconds) {

        double eventsPerSecond() {
            return events / serverSeconds;
        }
    }

    PassSample rebuildAll(AppProcess app) {
        double appCpu = CpuTime.of(app.handle());
        JsonNode accepted = client.expect(202, client.post("api/admin/read-models/rebuilds", null), "rebuild all")
                .json();
        String startedAt = accepted.get(0).path("started_at").asString();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode models = client.expect(200, client.get("api/admin/read-models"), "read-models").json();
            boolean done = true;
            for (JsonNode model : models) {
                JsonNode last = model.path("last_rebuild");
                String name = model.path("name").asString();
                if (!startedAt.equals(last.path("started_at").asString())) {
                    throw new IllegalStateException("Another rebuild of " + name + " started meanwhile: " + last);
                }
                if ("failed".equals(last.path("state").asString())) {
                    throw new IllegalStateException("Rebuild of " + name + " failed: " + last.path("error"));
                }
                done &= "done".equals(last.path("state").asString());
            }
            if (done) {
                Instant started = Instant.parse(startedAt);
                Instant finished = started;
                List<String> names = new ArrayList<>();
                for (JsonNode model : models) {
                    names.add(model.path("name").asString());
                    Instant at = Instant.parse(model.path("last_rebuild").path("finished_at").asString());
                    finished = at.isAfter(finished) ? at : finished;
                }
                return new PassSample(names, models.get(0).path("last_rebuild").path("events_replayed").asLong(),
                        Duration.between(started, finished).toNanos() / 1e9, CpuTime.of(app.handle()) - appCpu);
            }
            AppProcess.pause(POLL);
        }
        throw new IllegalStateException("The rebuild of every read model is not done after " + timeout);
    }
}
