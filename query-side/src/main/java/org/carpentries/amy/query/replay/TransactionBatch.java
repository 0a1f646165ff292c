package org.carpentries.amy.query.replay;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A projection's batch bound to the current transaction: made at the first event of a transaction (a processor's
 * batch live, a rebuild's batch when replaying) and flushed just before it commits, so its writes share the
 * transaction and its token update.
 */
public final class TransactionBatch {

    private TransactionBatch() {
    }

    /** The batch bound under {@code key}, made by {@code make} and flushed by {@code flush}; needs a transaction. */
    public static <T> T current(Object key, Supplier<T> make, Consumer<T> flush) {
        @SuppressWarnings("unchecked")
        T bound = (T) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        T batch = make.get();
        TransactionSynchronizationManager.bindResource(key, batch);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                flush.accept(batch);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return batch;
    }
}
