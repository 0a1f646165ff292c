package org.carpentries.amy.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ProjectionWritesTest {

    /** What reached the database, statement by statement: "sql" or "sql ×n" for a batch of n. */
    private final List<String> sent = new ArrayList<>();
    private final JdbcTemplate jdbc = new JdbcTemplate() {
        @Override
        public int update(String sql, Object... args) {
            sent.add(sql + " " + Arrays.toString(args));
            return 1;
        }

        @Override
        public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs) {
            sent.add(sql + " ×" + batchArgs.size() + " " + batchArgs.stream().map(Arrays::toString).toList());
            return new int[batchArgs.size()];
        }
    };

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void liveTablesAreWrittenAtOnce() {
        TransactionSynchronizationManager.initSynchronization();
        ProjectionWrites writes = ProjectionWrites.of(jdbc, Tables.LIVE);

        writes.update("t", "INSERT INTO {t} VALUES (?)", 1);

        assertThat(sent).containsExactly("INSERT INTO t VALUES (?) [1]");
    }

    @Test
    void rebuildWritesWaitForTheCommitAndGoInBatchesPerTableKeepingEachTablesOrder() {
        TransactionSynchronizationManager.initSynchronization();
        ProjectionWrites writes = ProjectionWrites.of(jdbc, Tables.REBUILD);

        writes.update("a", "INSERT INTO {a} VALUES (?)", 1);
        writes.update("b", "INSERT INTO {b} VALUES (?)", 10);
        writes.update("a", "INSERT INTO {a} VALUES (?)", 2);
        writes.update("b", "INSERT INTO {b} VALUES (?)", 11);
        writes.update("a", "UPDATE {a} SET x = ?", 3);
        writes.update("a", "INSERT INTO {a} VALUES (?)", 4);
        assertThat(sent).isEmpty();

        commit();

        assertThat(sent).containsExactly(
                "INSERT INTO a_rebuild VALUES (?) ×2 [[1], [2]]",
                "UPDATE a_rebuild SET x = ? [3]",
                "INSERT INTO a_rebuild VALUES (?) [4]",
                "INSERT INTO b_rebuild VALUES (?) ×2 [[10], [11]]");
    }

    @Test
    void eachTransactionSendsOnlyItsOwnWrites() {
        ProjectionWrites writes = ProjectionWrites.of(jdbc, Tables.REBUILD);
        TransactionSynchronizationManager.initSynchronization();
        writes.update("a", "INSERT INTO {a} VALUES (?)", 1);
        commit();
        TransactionSynchronizationManager.initSynchronization();
        writes.update("a", "INSERT INTO {a} VALUES (?)", 2);
        commit();

        assertThat(sent).containsExactly("INSERT INTO a_rebuild VALUES (?) [1]", "INSERT INTO a_rebuild VALUES (?) [2]");
    }

    @Test
    void withoutATransactionRebuildWritesAreSentAtOnce() {
        ProjectionWrites writes = ProjectionWrites.of(jdbc, Tables.REBUILD);

        writes.update("a", "INSERT INTO {a} VALUES (?)", 1);

        assertThat(sent).containsExactly("INSERT INTO a_rebuild VALUES (?) [1]");
    }

    /** What a transaction manager does at commit: before-commit callbacks, then completion, then clean-up. */
    private static void commit() {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        synchronizations.forEach(s -> s.beforeCommit(false));
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        TransactionSynchronizationManager.clearSynchronization();
    }
}
