package org.carpentries.amy.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The read models' transactions: the processors' batches, their tokens and dead letters commit without waiting for
 * PostgreSQL to flush the commit to disk ({@code synchronous_commit} off for that transaction only). A read model is
 * derived from the events, and its rows commit together with its token: if PostgreSQL stops before the write-ahead
 * writer flushes (at most {@code wal_writer_delay} × 3, 0.6 s by default), the model and its token go back together
 * and the processor handles those events again. Commands keep waiting for the flush: their events are the record.
 * The commit is visible to every other transaction at once, as before, so a write still reads itself back.
 */
final class ProjectionTransactions implements TransactionManager {

    private static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit TO off";

    private final TransactionManager delegate;
    private final DataSource dataSource;

    ProjectionTransactions(TransactionManager delegate, DataSource dataSource) {
        this.delegate = delegate;
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        // A transaction joined (a dead-letter retry inside a request's transaction, say) keeps the setting its owner
        // chose: only a transaction started here is a read model's own.
        boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
        Transaction transaction = delegate.startTransaction();
        if (!joined) {
            try {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(ASYNC_COMMIT);
                }
            } catch (SQLException | RuntimeException e) {
                transaction.rollback();
                throw new CannotCreateTransactionException("Could not start a read model's transaction", e);
            }
        }
        return transaction;
    }
}
