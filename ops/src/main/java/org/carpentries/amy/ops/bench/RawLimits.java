package org.carpentries.amy.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the app's own PostgreSQL does without the app: single-row INSERTs, each its own transaction, into a table
 * shaped like {@code domain_event_entry} (in schema {@code amy_bench}, dropped afterwards), with a real event's
 * payload and metadata; and a keyset read of the event store in pages of 1,000.
 */
final class RawLimits {

    static final String SCHEMA = "amy_bench";
    private static final int PAGE = 1000;
    private static final int MAX_PASSES = 100;

    private final String jdbcUrl;
    private byte[] payload;
    private byte[] metaData;
    private String payloadType;

    RawLimits(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Rows per second and each INSERT's latency (ms) at a number of clients, durable or as the server commits. */
    record InsertSample(int clients, boolean durable, long rows, double seconds, double[] latenciesMillis) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** One pass's rows and bytes; {@code seconds} for all passes. */
    record ReadSample(long rows, long bytes, int passes, double seconds) {

        double rowsPerSecond() {
            return rows * passes / seconds;
        }

        double secondsPerPass() {
            return seconds / passes;
        }
    }

    /** Server version and the settings that decide what a commit costs. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String name : List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method",
                    "full_page_writes", "shared_buffers", "max_connections")) {
                try (ResultSet r = s.executeQuery("SHOW " + name)) {
                    r.next();
                    settings.put(name, r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read settings at " + jdbcUrl, e);
        }
        return settings;
    }

    /** Creates the table and picks the payload: the event store's first WorkshopScheduled. */
    void prepare() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("""
                    CREATE TABLE %s.bench_raw_event (
                        global_index         BIGSERIAL    PRIMARY KEY,
                        event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number      BIGINT       NOT NULL,
                        type                 VARCHAR(255),
                        time_stamp           VARCHAR(255) NOT NULL,
                        payload_type         VARCHAR(255) NOT NULL,
                        payload_revision     VARCHAR(255),
                        payload              BYTEA        NOT NULL,
                        meta_data            BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number)
                    )""".formatted(SCHEMA));
            try (ResultSet r = s.executeQuery("SELECT payload, meta_data, payload_type FROM domain_event_entry "
                    + "WHERE payload_type LIKE '%.WorkshopScheduled' ORDER BY global_index LIMIT 1")) {
                if (!r.next()) {
                    throw new IllegalStateException("No WorkshopScheduled event to copy the payload from");
                }
                payload = r.getBytes(1);
                metaData = r.getBytes(2);
                payloadType = r.getString(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare " + SCHEMA + " at " + jdbcUrl, e);
        }
    }

    /** Best effort, as it runs when something else may have failed: the data directory is thrown away anyway. */
    void drop() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop " + SCHEMA + " at " + jdbcUrl + ": " + e.getMessage());
        }
    }

    /**
     * INSERTs for {@code duration} from {@code clients} connections, each row its own transaction; the clock starts
     * once every connection is open. Durable sets {@code synchronous_commit = on} (the commit waits for the WAL
     * flush, if the server flushes at all: see {@code fsync}); otherwise the server's settings apply, as for the app.
     */
    InsertSample inserts(int clients, boolean durable, Duration duration) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong started = new AtomicLong();
        CyclicBarrier ready = new CyclicBarrier(clients, () -> started.set(System.nanoTime()));
        List<Thread> threads = new ArrayList<>();
        List<List<Double>> latencies = new ArrayList<>();
        long[] rows = new long[clients];
        long[] finished = new long[clients];
        for (int c = 0; c < clients; c++) {
            int slot = c;
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                try (Connection connection = connect()) {
                    if (durable) {
                        try (Statement s = connection.createStatement()) {
                            s.execute("SET synchronous_commit = on");
                        }
                    }
                    String aggregate = UUID.randomUUID().toString();
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA
                            + ".bench_raw_event (event_identifier, aggregate_identifier, sequence_number, type, "
                            + "time_stamp, payload_type, payload_revision, payload, meta_data) "
                            + "VALUES (?, ?, ?, 'Workshop', ?, ?, '1', ?, ?)")) {
                        ready.await(30, TimeUnit.SECONDS);
                        long deadline = started.get() + duration.toNanos();
                        for (long n = 0; System.nanoTime() < deadline; n++) {
                            long t0 = System.nanoTime();
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, aggregate);
                            insert.setLong(3, n);
                            insert.setString(4, Instant.now().toString());
                            insert.setString(5, payloadType);
                            insert.setBytes(6, payload);
                            insert.setBytes(7, metaData);
                            insert.executeUpdate();
                            mine.add((System.nanoTime() - t0) / 1e6);
                            rows[slot]++;
                        }
                        finished[slot] = System.nanoTime();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    ready.reset();
                }
            }, "bench-raw-insert-" + c);
            threads.add(thread);
            thread.start();
        }
        join(threads);
        if (failure.get() != null) {
            throw new IllegalStateException("Raw inserts failed at " + jdbcUrl, failure.get());
        }
        long total = 0;
        long last = 0;
        for (int c = 0; c < clients; c++) {
            total += rows[c];
            last = Math.max(last, finished[c]);
        }
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        return new InsertSample(clients, durable, total, (last - started.get()) / 1e9, all);
    }

    /**
     * Reads the whole event store in pages of 1,000 by global index, every column, as a replay would, on an open
     * connection; passes repeat until {@code minimum} has elapsed (at least one, at most {@value #MAX_PASSES}) so a
     * small store still gives a steady rate.
     */
    ReadSample keysetRead(Duration minimum) {
        long rows = 0;
        long bytes = 0;
        int passes = 0;
        try (Connection c = connect(); PreparedStatement page = c.prepareStatement("SELECT global_index, "
                + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index LIMIT " + PAGE)) {
            long started = System.nanoTime();
            long until = started + minimum.toNanos();
            while (passes == 0 || (System.nanoTime() < until && passes < MAX_PASSES)) {
                long last = Long.MIN_VALUE;
                while (true) {
                    page.setLong(1, last);
                    int inPage = 0;
                    try (ResultSet r = page.executeQuery()) {
                        while (r.next()) {
                            last = r.getLong(1);
                            for (int col = 2; col <= 8; col++) {
                                String value = r.getString(col);
                                bytes += value == null ? 0 : value.length();
                            }
                            byte[] p = r.getBytes(9);
                            byte[] m = r.getBytes(10);
                            bytes += p.length + (m == null ? 0 : m.length);
                            inPage++;
                        }
                    }
                    rows += inPage;
                    if (inPage < PAGE) {
                        break;
                    }
                }
                passes++;
            }
            return new ReadSample(rows / passes, bytes / passes, passes, (System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException("Keyset read failed at " + jdbcUrl, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /** Waits for every thread; an interrupt here ends the benchmark. */
    static void join(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }
}
