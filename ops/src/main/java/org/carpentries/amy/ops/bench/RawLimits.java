package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What the app's own PostgreSQL does without the app: single-row INSERTs, each its own transaction, into a table
 * shaped like {@code domain_event_entry} (in schema {@code amy_bench}, dropped afterwards), with a real event's
 * payload and metadata; the same INSERT followed by the commits a read-your-writes write needs from every read
 * model (the design floor), or one commit for them all (the single-commit floor: every read model in one
 * processor); and a keyset read of the event store in pages of 1,000.
 */
final class RawLimits {

    static final String SCHEMA = "amy_bench";
    /** The audit log's table, whose shape the audit floor writes. */
    private static final String AUDIT_TABLE = "audit_entry";
    private static final int PAGE = 1000;
    private static final int MAX_PASSES = 100;

    private final String jdbcUrl;
    private byte[] payload;
    private byte[] metaData;
    private String payloadType;

    RawLimits(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Rows per second and each INSERT's latency (ms) at a number of clients, durable or as the server commits;
     * with {@code readModels} above zero, each row is followed by that many read-model commits (see
     * {@link #designFloor}), and a row is a whole write.
     */
    record InsertSample(int clients, boolean durable, int readModels, long rows, double seconds,
                        double[] latenciesMillis) {

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
            s.execute("CREATE TABLE " + SCHEMA + ".bench_token (processor INT NOT NULL, slot INT NOT NULL, "
                    + "token BIGINT NOT NULL, timestamp VARCHAR(255) NOT NULL, PRIMARY KEY (processor, slot))");
            s.execute("CREATE TABLE " + SCHEMA + ".bench_view (processor INT NOT NULL, id UUID NOT NULL, "
                    + "version BIGINT NOT NULL, body BYTEA NOT NULL, PRIMARY KEY (processor, id))");
            s.execute("CREATE TABLE " + SCHEMA + ".bench_audit (LIKE " + AUDIT_TABLE + " INCLUDING ALL)");
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

    /**
     * How many read-model commits a write costs the app: its processors holding tokens (read models that share a
     * processor commit together).
     */
    int readModels() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(DISTINCT processor_name) FROM token_entry")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the read models at " + jdbcUrl, e);
        }
    }

    /**
     * The timestamp of the event in the middle of the store (by global index): where the audit window and the as-of
     * instant of the benchmark sit, so both have history before and after them.
     */
    Instant middleOfHistory() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT time_stamp FROM domain_event_entry WHERE global_index >= "
                     + "(SELECT (min(global_index) + max(global_index)) / 2 FROM domain_event_entry) "
                     + "ORDER BY global_index LIMIT 1")) {
            if (!r.next()) {
                throw new IllegalStateException("The event store is empty");
            }
            return Instant.parse(r.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store at " + jdbcUrl, e);
        }
    }

    /**
     * The latency (ms) of {@code n} primary-key lookups of whole rows of {@code table} on an open connection, keys
     * picked at random from the table beforehand: the least any query on that table costs.
     */
    double[] primaryKeyLookups(String table, String key, int n) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<Object> keys = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT " + key + " FROM " + table + " TABLESAMPLE SYSTEM (1) LIMIT "
                    + n)) {
                while (r.next()) {
                    keys.add(r.getObject(1));
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException(table + " is empty");
            }
            double[] latencies = new double[n];
            try (PreparedStatement lookup = c.prepareStatement("SELECT * FROM " + table + " WHERE " + key
                    + " = ?")) {
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    lookup.setObject(1, keys.get(i % keys.size()));
                    try (ResultSet r = lookup.executeQuery()) {
                        while (r.next()) {
                            r.getObject(1);
                        }
                    }
                    latencies[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            return latencies;
        } catch (SQLException e) {
            throw new IllegalStateException("Primary-key lookups on " + table + " failed at " + jdbcUrl, e);
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
        return run(clients, durable, 0, duration);
    }

    /**
     * The least a write costs in this design, without the app: the event's INSERT (its own transaction), then, for
     * each of {@code readModels} read models, one transaction that moves the model's token and upserts one row, as
     * a processor does for a batch holding that one event, since the write answers only when every read model has
     * it. Like the app's processors, those transactions commit without waiting for the disk (the event's INSERT
     * waits, if the server says so). Each client has its own token rows, so no write waits for another's lock (a real processor's token is
     * one row per segment): an upper bound for any implementation of read-your-writes over separately committing
     * read models.
     */
    InsertSample designFloor(int clients, int readModels, Duration duration) {
        return run(clients, false, readModels, duration);
    }

    private InsertSample run(int clients, boolean durable, int readModels, Duration duration) {
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
                            + "VALUES (?, ?, ?, 'Workshop', ?, ?, '1', ?, ?)");
                         ReadModelCommits commits = new ReadModelCommits(connection, slot, readModels)) {
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
                            commits.after(n);
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
        return new InsertSample(clients, durable, readModels, total, (last - started.get()) / 1e9, all);
    }

    /** A client's read-model commits after each event: its token rows and one upserted view row per model. */
    private final class ReadModelCommits implements AutoCloseable {

        private final Connection connection;
        private final int slot;
        private final int readModels;
        private final UUID row = UUID.randomUUID();
        private final PreparedStatement token;
        private final PreparedStatement view;
        private final PreparedStatement asyncCommit;

        ReadModelCommits(Connection connection, int slot, int readModels) throws SQLException {
            this.connection = connection;
            this.slot = slot;
            this.readModels = readModels;
            if (readModels == 0) {
                token = null;
                view = null;
                asyncCommit = null;
                return;
            }
            try (PreparedStatement tokens = connection.prepareStatement("INSERT INTO " + SCHEMA + ".bench_token "
                    + "(processor, slot, token, timestamp) VALUES (?, ?, 0, '') ON CONFLICT DO NOTHING")) {
                for (int p = 0; p < readModels; p++) {
                    tokens.setInt(1, p);
                    tokens.setInt(2, slot);
                    tokens.addBatch();
                }
                tokens.executeBatch();
            }
            token = connection.prepareStatement("UPDATE " + SCHEMA + ".bench_token SET token = ?, timestamp = ? "
                    + "WHERE processor = ? AND slot = ?");
            view = connection.prepareStatement("INSERT INTO " + SCHEMA + ".bench_view (processor, id, version, body) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (processor, id) DO UPDATE SET version = excluded.version, "
                    + "body = excluded.body");
            asyncCommit = connection.prepareStatement("SET LOCAL synchronous_commit TO off");
        }

        void after(long n) throws SQLException {
            if (readModels == 0) {
                return;
            }
            connection.setAutoCommit(false);
            try {
                for (int p = 0; p < readModels; p++) {
                    asyncCommit.execute();
                    token.setLong(1, n);
                    token.setString(2, Instant.now().toString());
                    token.setInt(3, p);
                    token.setInt(4, slot);
                    token.executeUpdate();
                    view.setInt(1, p);
                    view.setObject(2, row);
                    view.setLong(3, n);
                    view.setBytes(4, metaData);
                    view.executeUpdate();
                    connection.commit();
                }
            } finally {
                connection.setAutoCommit(true);
            }
        }

        @Override
        public void close() throws SQLException {
            if (token != null) {
                token.close();
                view.close();
                asyncCommit.close();
            }
        }
    }

    /**
     * Reads the whole event store in pages of 1,000 by global index, every column, as a replay would, on an open
     * connection; passes repeat until {@code minimum} has elapsed (at least one, at most {@value #MAX_PASSES}) so a
     * small store still gives a steady rate.
     */
    ReadSample keysetRead(Duration minimum) {
        return scan(minimum, false);
    }

    /**
     * The least a rebuild of this design's read models costs, without the app: the keyset read, and for each event
     * the one row the audit log (a read model) keeps of it, sent with {@code COPY} (the fastest way PostgreSQL takes
     * rows) a page at a time into a copy of its table holding only its primary key, the secondary indexes built at
     * the end of each pass (as a rebuild does), one transaction per page. The row is minimal (its change set empty,
     * no actor or request), no other model is written and nothing is deserialised, so every real rebuild of every
     * model costs more; the table is emptied before each pass.
     */
    ReadSample auditFloor(Duration minimum) {
        return scan(minimum, true);
    }

    private ReadSample scan(Duration minimum, boolean auditRows) {
        long rows = 0;
        long bytes = 0;
        int passes = 0;
        try (Connection c = connect(); PreparedStatement page = c.prepareStatement("SELECT global_index, "
                + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index LIMIT " + PAGE);
             Statement statement = c.createStatement()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Map<String, String> indexes = new LinkedHashMap<>();
            if (auditRows) {
                try (ResultSet r = statement.executeQuery("SELECT c.relname, pg_get_indexdef(x.indexrelid) "
                        + "FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid "
                        + "WHERE x.indrelid = '" + SCHEMA + ".bench_audit'::regclass AND NOT x.indisunique")) {
                    while (r.next()) {
                        indexes.put(r.getString(1), r.getString(2));
                    }
                }
                c.setAutoCommit(false);
            }
            long started = System.nanoTime();
            long until = started + minimum.toNanos();
            while (passes == 0 || (System.nanoTime() < until && passes < MAX_PASSES)) {
                if (auditRows) {
                    statement.execute("TRUNCATE " + SCHEMA + ".bench_audit");
                    for (String index : indexes.keySet()) {
                        statement.execute("DROP INDEX IF EXISTS " + SCHEMA + "." + index);
                    }
                    c.commit();
                }
                long last = Long.MIN_VALUE;
                while (true) {
                    page.setLong(1, last);
                    int inPage = 0;
                    StringBuilder lines = new StringBuilder();
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
                            if (auditRows) {
                                String eventType = r.getString(7).substring(r.getString(7).lastIndexOf('.') + 1);
                                lines.append(last).append('\t').append(r.getString(6)).append('\t')
                                        .append(copyText(String.valueOf(r.getString(5)))).append('\t')
                                        .append(UUID.nameUUIDFromBytes(r.getString(3).getBytes(
                                                StandardCharsets.UTF_8))).append('\t')
                                        .append(copyText(eventType)).append('\t').append(copyText(eventType))
                                        .append("\t{}\n");
                            }
                            inPage++;
                        }
                    }
                    if (auditRows && inPage > 0) {
                        copy.copyIn("COPY " + SCHEMA + ".bench_audit (position, occurred_at, record_type, record_id, "
                                + "event_type, summary, changes) FROM STDIN", new StringReader(lines.toString()));
                        c.commit();
                    }
                    rows += inPage;
                    if (inPage < PAGE) {
                        break;
                    }
                }
                if (auditRows) {
                    for (String definition : indexes.values()) {
                        statement.execute(definition);
                    }
                    c.commit();
                }
                passes++;
            }
            return new ReadSample(rows / passes, bytes / passes, passes, (System.nanoTime() - started) / 1e9);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException((auditRows ? "Audit floor" : "Keyset read") + " failed at " + jdbcUrl, e);
        }
    }

    /** A value in COPY's text format: backslash, tab and line breaks escaped. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
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
