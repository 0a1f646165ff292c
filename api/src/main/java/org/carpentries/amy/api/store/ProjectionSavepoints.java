package org.carpentries.amy.api.store;

import java.lang.reflect.Member;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs projection handlers behind a savepoint once one has failed. A failing SQL statement aborts the whole
 * PostgreSQL transaction, and Axon writes the dead letter in the batch's transaction right after the handler fails:
 * without rolling back to a savepoint that write fails too and the batch rolls back. Savepoints cost two statements
 * per handled event, so they are used only for a while after a failure (and during dead-letter retries): the first
 * failure costs one rolled-back batch, which the processor retries shortly, now with savepoints, and dead-letters.
 */
public class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private static final String PROJECTIONS = "org.carpentries.amy.query.";
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(10);
    private final DataSource dataSource;
    /** Until when (System.nanoTime) handlers run behind savepoints. */
    private volatile long until;

    ProjectionSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
        this.until = System.nanoTime();
    }

    /** Handlers run behind savepoints for the next ten minutes: a failure is expected (or just happened). */
    public void expectFailures() {
        until = System.nanoTime() + WINDOW_NANOS;
    }

    private boolean active() {
        return System.nanoTime() - until < 0;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.canHandleMessageType(EventMessage.class)
                && original.unwrap(Member.class).map(m -> m.getDeclaringClass().getName().startsWith(PROJECTIONS))
                .orElse(false);
        return projection ? new Savepointed<>(original) : original;
    }

    private final class Savepointed<T> extends WrappedMessageHandlingMember<T> {

        Savepointed(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
            if (!active()) {
                try {
                    return super.handle(message, target);
                } catch (Exception | Error e) {
                    expectFailures();
                    throw e;
                }
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            Savepoint savepoint = connection.setSavepoint();
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception | Error e) {
                connection.rollback(savepoint);
                throw e;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        }
    }
}
