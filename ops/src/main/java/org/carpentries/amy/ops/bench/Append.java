package org.carpentries.amy.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs workload tasks over HTTP with a number of concurrent clients and measures each command's latency, the
 * commands per second, and (counting rows in {@code domain_event_entry}) the events appended per second.
 */
final class Append {

    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration VISIBLE_POLL = Duration.ofMillis(10);

    private final Workload workload;
    private final String jdbcUrl;

    Append(Workload workload, String jdbcUrl) {
        this.workload = workload;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * What one run of tasks measured. Latencies in milliseconds, in completion order per client; stale reads are
     * schedules answered 404 although their events were stored.
     */
    record Sample(int clients, int tasks, int commands, long events, long expectedEvents, int staleReads,
                  double seconds, double[] latenciesMillis, double appCpuSeconds, double postgresCpuSeconds) {

        double commandsPerSecond() {
            return commands / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    /**
     * Runs tasks {@code from} (inclusive) to {@code to} (exclusive) of {@code series}, each on the next free client.
     * The first failing command stops every client and fails the run.
     */
    Sample run(List<AmyClient> clients, String series, int from, int to, AppProcess app) {
        long eventsBefore = countEvents();
        double appCpu = CpuTime.of(app.handle());
        double postgresCpu = CpuTime.ofTree(app.postgres());
        AtomicInteger next = new AtomicInteger(from);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<List<Double>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] commands = new int[clients.size()];
        long[] expected = new long[clients.size()];
        int[] staleReads = new int[clients.size()];
        long started = System.nanoTime();
        for (int c = 0; c < clients.size(); c++) {
            AmyClient client = clients.get(c);
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            int slot = c;
            Thread thread = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < to && failure.get() == null; i = next.getAndIncrement()) {
                        Workload.Task task = workload.task(series, i);
                        perform(client, task, mine, staleReads, slot);
                        commands[slot] += task.commands();
                        expected[slot] += task.events();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        double appCpuUsed = CpuTime.of(app.handle()) - appCpu;
        double postgresCpuUsed = CpuTime.ofTree(app.postgres()) - postgresCpu;
        long events = countEvents() - eventsBefore;
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        int commandCount = 0;
        long expectedEvents = 0;
        int stale = 0;
        for (int c = 0; c < clients.size(); c++) {
            commandCount += commands[c];
            expectedEvents += expected[c];
            stale += staleReads[c];
        }
        return new Sample(clients.size(), to - from, commandCount, events, expectedEvents, stale, seconds, all,
                appCpuUsed, postgresCpuUsed);
    }

    /**
     * A workshop's commands in order. A schedule answered 404 {@code workshop-not-found} succeeded but was read back
     * before the read model had it (see the report): it is counted as a stale read and the workshop is then polled
     * for, untimed, since the next command needs its ETag.
     */
    private static void perform(AmyClient client, Workload.Task task, List<Double> latencies, int[] staleReads,
                                int slot) {
        String what = "POST /api/workshops " + task.slug();
        long t0 = System.nanoTime();
        AmyClient.Response scheduled = client.post("api/workshops", task.schedule());
        latencies.add((System.nanoTime() - t0) / 1e6);
        String etag;
        if (scheduled.status() == 404 && scheduled.body().contains("\"workshop-not-found\"")) {
            staleReads[slot]++;
            etag = awaitVisible(client, task.slug());
        } else {
            etag = client.expect(201, scheduled, what).etag();
        }
        if (task.newVenue() != null) {
            long t1 = System.nanoTime();
            client.expect(200, client.patch("api/workshops/" + task.slug(), Map.of("venue", task.newVenue()), etag),
                    "PATCH " + task.slug());
            latencies.add((System.nanoTime() - t1) / 1e6);
        }
        if (task.extraTag() != null) {
            long t2 = System.nanoTime();
            client.expect(204, client.put("api/workshops/" + task.slug() + "/tags/" + task.extraTag()),
                    "PUT tag " + task.extraTag() + " on " + task.slug());
            latencies.add((System.nanoTime() - t2) / 1e6);
        }
    }

    private static String awaitVisible(AmyClient client, String slug) {
        long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            AmyClient.Response found = client.get("api/workshops/" + slug);
            if (found.status() == 200) {
                return found.etag();
            }
            client.expect(404, found, "GET /api/workshops/" + slug);
            try {
                Thread.sleep(VISIBLE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
        throw new IllegalStateException("Workshop " + slug + " still not readable " + VISIBLE_TIMEOUT
                + " after it was scheduled");
    }

    long countEvents() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count events at " + jdbcUrl, e);
        }
    }
}
