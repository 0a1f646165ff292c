package org.carpentries.amy.api.store;

import java.lang.reflect.Member;
import java.sql.Connection;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each projection handler behind a savepoint. A failing SQL statement aborts the whole PostgreSQL transaction,
 * and Axon writes the dead letter in the batch's transaction right after the handler fails: without rolling back to
 * the savepoint that write would fail too, the batch would roll back and be retried forever. Costs two short
 * statements per handled event on the live processors; rebuilds replay without it.
 */
class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private static final String PROJECTIONS = "org.carpentries.amy.query.";
    private final DataSource dataSource;

    ProjectionSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projection = original.hasAnnotation(EventHandler.class)
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
