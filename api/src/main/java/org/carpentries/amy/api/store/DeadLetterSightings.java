package org.carpentries.amy.api.store;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the dead-letter queue may hold anything, so that a write need not look there for its own events when it
 * cannot: after each write, {@code Writes} asked the queue's table whether any read model had dead-lettered one of
 * its events, one statement a command that nearly always found nothing. This says "maybe" from the moment this
 * node's policy decides to dead-letter an event (before that letter's batch commits, so before the write it belongs
 * to stops waiting) and for a grace after it ({@code amy.read-model-wait} and 25 s more: 30 s by default), and
 * whenever the table held a letter when last looked at. It looks again at most every {@value #RECHECK_MILLIS} ms,
 * when a write asks: so a letter another node enqueued is seen within that time (a write on this node waits only
 * for this node's processors in any case).
 */
@Component
public class DeadLetterSightings {

    static final long RECHECK_MILLIS = 1_000;
    static final Duration GRACE_PAST_THE_WAIT = Duration.ofSeconds(25);
    private static final long RECHECK_NANOS = RECHECK_MILLIS * 1_000_000;

    private final BooleanSupplier anyStored;
    private final LongSupplier nanoTime;
    private final long graceNanos;
    private volatile Sighting last;
    private long enqueues;
    private long enqueuedAt;

    @Autowired
    public DeadLetterSightings(JdbcTemplate jdbc, @Value("${amy.read-model-wait}") Duration readModelWait) {
        this(() -> Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM dead_letter_entry)",
                Boolean.class)), System::nanoTime, grace(readModelWait));
    }

    /** How long after a decision to dead-letter writes still look: longer than any write waits for its batch. */
    static Duration grace(Duration readModelWait) {
        return readModelWait.plus(GRACE_PAST_THE_WAIT);
    }

    DeadLetterSightings(BooleanSupplier anyStored, LongSupplier nanoTime, Duration grace) {
        this.anyStored = anyStored;
        this.nanoTime = nanoTime;
        this.graceNanos = grace.toNanos();
    }

    /** This node's policy decided to dead-letter an event: writes look in the queue from now on. */
    public synchronized void enqueued() {
        long now = nanoTime.getAsLong();
        enqueues++;
        enqueuedAt = now;
        last = new Sighting(true, now);
    }

    /** Whether the queue may hold a letter: if not, no write's events are in it. */
    public boolean mayHoldLetters() {
        Sighting s = last;
        if (s != null && nanoTime.getAsLong() - s.at() < RECHECK_NANOS) {
            return s.maybe();
        }
        return look();
    }

    /**
     * Reads the table without holding the lock that {@link #enqueued} takes (a processor holding a connection must
     * not wait for a query that waits for a connection); keeps what it read only if no decision came meanwhile,
     * whose "maybe" then stands.
     */
    private boolean look() {
        long before;
        synchronized (this) {
            before = enqueues;
        }
        long started = nanoTime.getAsLong();
        boolean stored = anyStored.getAsBoolean();
        synchronized (this) {
            if (enqueues != before) {
                return true;
            }
            boolean recent = enqueues > 0 && started - enqueuedAt < graceNanos;
            last = new Sighting(stored || recent, started);
            return last.maybe();
        }
    }

    private record Sighting(boolean maybe, long at) {
    }
}
