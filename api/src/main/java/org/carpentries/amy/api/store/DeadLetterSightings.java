package org.carpentries.amy.api.store;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the dead-letter queue may hold anything, so that a write need not look there for its own events when it
 * cannot: after each write, {@code Writes} asked the queue's table whether any read model had dead-lettered one of
 * its events, one statement a command that nearly always found nothing. This says "maybe" from the moment this
 * node's policy decides to dead-letter an event (before that letter's batch commits, so before the write it belongs
 * to stops waiting) and for {@value #GRACE_SECONDS} s after, and whenever the table held a letter when last looked
 * at. It looks again at most every {@value #RECHECK_MILLIS} ms, when a write asks: so a letter another node
 * enqueued is seen within that time (a write on this node waits only for this node's processors in any case).
 */
@Component
public class DeadLetterSightings {

    static final long RECHECK_MILLIS = 1_000;
    static final long GRACE_SECONDS = 30;
    private static final long RECHECK_NANOS = RECHECK_MILLIS * 1_000_000;
    private static final long GRACE_NANOS = GRACE_SECONDS * 1_000_000_000;

    private final BooleanSupplier anyStored;
    private final LongSupplier nanoTime;
    private volatile Sighting last;
    private long enqueuedAt;
    private boolean enqueued;

    @Autowired
    public DeadLetterSightings(JdbcTemplate jdbc) {
        this(() -> Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM dead_letter_entry)",
                Boolean.class)), System::nanoTime);
    }

    DeadLetterSightings(BooleanSupplier anyStored, LongSupplier nanoTime) {
        this.anyStored = anyStored;
        this.nanoTime = nanoTime;
    }

    /** This node's policy decided to dead-letter an event: writes look in the queue from now on. */
    public synchronized void enqueued() {
        long now = nanoTime.getAsLong();
        enqueuedAt = now;
        enqueued = true;
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

    private synchronized boolean look() {
        Sighting s = last;
        long started = nanoTime.getAsLong();
        if (s != null && started - s.at() < RECHECK_NANOS) {
            return s.maybe();
        }
        // Read the table first: a letter decided on meanwhile is then either in what was read or recent below
        // (enqueued() waits for this method, so its "maybe" is never overwritten by an older look).
        boolean stored = anyStored.getAsBoolean();
        boolean recent = enqueued && started - enqueuedAt < GRACE_NANOS;
        last = new Sighting(stored || recent, started);
        return last.maybe();
    }

    private record Sighting(boolean maybe, long at) {
    }
}
