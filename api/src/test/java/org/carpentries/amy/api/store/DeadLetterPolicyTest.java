package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;

/** Every failure is dead-lettered with its cause, and the letter counts how often a retry of it failed. */
class DeadLetterPolicyTest {

    private static final EventMessage<?> EVENT = GenericEventMessage.asEventMessage("an event");
    private static final Instant AT = Instant.parse("2026-12-04T15:00:00Z");

    @Test
    void aFirstFailureIsEnqueuedWithItsCauseAndNoRetries() {
        DeadLetter<EventMessage<?>> failed = new GenericDeadLetter<>("seq", EVENT, new IllegalStateException("boom"));

        DeadLetter<? extends EventMessage<?>> letter = decide(failed, new IllegalStateException("boom"));

        assertThat(DeadLetterPolicy.retries(letter)).isZero();
    }

    @Test
    void aFailedRetryCountsOneMore() {
        DeadLetter<EventMessage<?>> stored = new GenericDeadLetter<>("seq", EVENT,
                new ThrowableCause("java.lang.IllegalStateException", "boom"), AT, AT,
                MetaData.with(DeadLetterPolicy.RETRIES, 2));

        assertThat(DeadLetterPolicy.retries(decide(stored, new IllegalStateException("again")))).isEqualTo(3);
    }

    @Test
    void aLetterThatQueuedBehindAnotherAndFailsOnItsFirstRetryCountsOne() {
        DeadLetter<EventMessage<?>> queued = new GenericDeadLetter<>("seq", EVENT);

        assertThat(DeadLetterPolicy.retries(decide(queued, new IllegalStateException("boom")))).isEqualTo(1);
    }

    @Test
    void aLongCauseIsCutToWhatTheTableHolds() {
        EnqueueDecision<EventMessage<?>> decision = DeadLetterPolicy.countingRetries(() -> { })
                .decide(new GenericDeadLetter<>("seq", EVENT), new IllegalStateException("x".repeat(5000)));

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().extracting(Throwable::getMessage).asString().hasSize(1023);
    }

    private static DeadLetter<? extends EventMessage<?>> decide(DeadLetter<EventMessage<?>> letter, Throwable cause) {
        EnqueueDecision<EventMessage<?>> decision = DeadLetterPolicy.countingRetries(() -> { }).decide(letter, cause);
        assertThat(decision.shouldEnqueue()).isTrue();
        return decision.withDiagnostics(letter);
    }
}
