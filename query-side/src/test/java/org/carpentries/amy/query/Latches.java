package org.carpentries.amy.query;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test threads waiting for each other, never for longer than 30 s. */
public final class Latches {

    private Latches() {
    }

    /** Until the latch is down; an {@link AssertionError} after 30 s or on an interrupt (which is kept). */
    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
