package org.carpentries.amy.api.store;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Dead-letters every failure, as Axon does by default, and counts in the letter's diagnostics how often a retry of it
 * failed: Axon itself keeps no such count, and an admin deciding between retrying again and evicting needs it.
 */
public final class DeadLetterPolicy {

    /** The diagnostics key holding the number of failed retries. */
    public static final String RETRIES = "retries";

    private DeadLetterPolicy() {
    }

    /** Dead-letters every failure, first telling {@code enqueuing} (a write then looks for its events there). */
    public static EnqueuePolicy<EventMessage<?>> countingRetries(Runnable enqueuing) {
        return (letter, cause) -> {
            enqueuing.run();
            return Decisions.<EventMessage<?>>enqueue(ThrowableCause.truncated(cause), DeadLetterPolicy::counted);
        };
    }

    /**
     * A letter failing for the first time arrives with its cause and no count (0); a letter already in the queue has
     * been retried: one more than its count, or 1 if it had queued behind another one and never ran.
     */
    static MetaData counted(DeadLetter<?> letter) {
        MetaData diagnostics = letter.diagnostics();
        Object previous = diagnostics.get(RETRIES);
        long retries;
        if (previous instanceof Number n) {
            retries = n.longValue() + 1;
        } else {
            retries = letter.cause().isPresent() ? 0 : 1;
        }
        return diagnostics.and(RETRIES, retries);
    }

    /** The number of failed retries recorded on a letter. */
    public static long retries(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number n ? n.longValue() : 0;
    }
}
