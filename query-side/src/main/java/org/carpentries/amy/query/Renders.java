package org.carpentries.amy.query;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code amy.renders.concurrent} whole documents rendered at a time on this node: an export missing from
 * its cache or rendered per request, and an export or a diff as of an instant. Each holds its whole document (or
 * its whole fold of history) in memory, so without a bound eight concurrent renders of a large export ran the app
 * out of its 256 MiB heap (docs/benchmarks.md). They are CPU-bound besides, so more than the cores at once only
 * makes each slower. A render waits its turn, first come first served, for at most {@code amy.renders.wait}, then
 * is refused with {@link Busy} (503 {@code renders-busy}). A render inside another on the same thread takes no
 * second slot.
 */
@Component
public class Renders {

    private final Semaphore slots;
    private final int concurrent;
    private final Duration wait;
    private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);
    private final AtomicLong waited = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public Renders(@Value("${amy.renders.concurrent:2}") int concurrent,
                   @Value("${amy.renders.wait:60s}") Duration wait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("amy.renders.concurrent must be at least 1, not " + concurrent);
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("amy.renders.wait must not be negative, not " + wait);
        }
        this.concurrent = concurrent;
        this.wait = wait;
        this.slots = new Semaphore(concurrent, true);
    }

    /** {@code render}'s result, rendered in a slot of its own once one is free. */
    public <T> T render(Supplier<T> render) {
        if (holding.get()) {
            return render.get();
        }
        acquire();
        holding.set(true);
        try {
            return render.get();
        } finally {
            holding.remove();
            slots.release();
        }
    }

    private void acquire() {
        try {
            // The timed forms keep the queue's order; the untimed tryAcquire() would take a slot ahead of it.
            if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return;
            }
            waited.incrementAndGet();
            if (slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refused.incrementAndGet();
        throw new Busy(concurrent, wait);
    }

    /** How many renders are running now. */
    public int running() {
        return concurrent - slots.availablePermits();
    }

    /** How many renders found every slot taken and waited, since the start. */
    public long waited() {
        return waited.get();
    }

    /** How many renders were refused after waiting their longest, since the start. */
    public long refused() {
        return refused.get();
    }

    /** Every slot stayed taken for as long as a render may wait: try again later. */
    public static final class Busy extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Busy(int concurrent, Duration waited) {
            super("The server is rendering " + concurrent + " other large document" + (concurrent == 1 ? "" : "s")
                    + " and this one waited " + waited.toSeconds() + " s for its turn; try again shortly.");
            this.retryAfterSeconds = Math.max(1, waited.toSeconds() / 2);
        }

        /** The seconds after which a retry may find a free slot. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
