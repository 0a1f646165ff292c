package org.carpentries.amy.query.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A projection's statements. On the live tables each is sent at once. During a rebuild or a verification, which
 * replay hundreds of events per transaction, they are kept until just before the transaction commits and then sent
 * as JDBC batches: one round trip per run of statements with the same SQL on the same table, instead of one per
 * statement. Statements on one table keep their order; statements on different tables may be reordered, so a
 * projection uses this only when each statement writes the one table it names and reads no other, and when it
 * never reads its tables while handling events.
 */
public final class ProjectionWrites {

    private final JdbcTemplate jdbc;
    private final Tables tables;
    private final boolean deferred;

    private ProjectionWrites(JdbcTemplate jdbc, Tables tables, boolean deferred) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.deferred = deferred;
    }

    /** Writes to {@code tables}: at once for the live ones, batched per transaction for the rebuild twins. */
    public static ProjectionWrites of(JdbcTemplate jdbc, Tables tables) {
        return new ProjectionWrites(jdbc, tables, tables != Tables.LIVE);
    }

    /**
     * Runs {@code sql} (with {@code {table}} placeholders, as {@link Tables#sql}), which writes only
     * {@code table}.
     */
    public void update(String table, String sql, Object... args) {
        String statement = tables.sql(sql);
        if (!deferred || !TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(statement, args);
            return;
        }
        pending().add(table, statement, args);
    }

    private Pending pending() {
        return TransactionBatch.current(this, Pending::new, pending -> pending.flush(jdbc));
    }

    /** Per table, in the order tables were first written, runs of statements with the same SQL. */
    private static final class Pending {

        private final Map<String, List<Run>> byTable = new LinkedHashMap<>();

        void add(String table, String sql, Object[] args) {
            List<Run> runs = byTable.computeIfAbsent(table, t -> new ArrayList<>());
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last == null || !last.sql().equals(sql)) {
                last = new Run(sql, new ArrayList<>());
                runs.add(last);
            }
            last.args().add(args);
        }

        void flush(JdbcTemplate jdbc) {
            for (List<Run> runs : byTable.values()) {
                for (Run run : runs) {
                    if (run.args().size() == 1) {
                        jdbc.update(run.sql(), run.args().get(0));
                    } else {
                        jdbc.batchUpdate(run.sql(), run.args());
                    }
                }
            }
            byTable.clear();
        }
    }

    private record Run(String sql, List<Object[]> args) {
    }
}
