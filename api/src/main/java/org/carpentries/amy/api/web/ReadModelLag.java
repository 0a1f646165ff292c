package org.carpentries.amy.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.stereotype.Component;

/**
 * How long writes wait between their command being acknowledged (its events stored) and every read model that
 * handles those events including them: a cumulative histogram since start, with 0.1 ms buckets up to 100 ms and 10 ms buckets up to 10 s.
 * Cumulative, so whoever reads it twice (a benchmark phase, a monitor) gets the distribution between the two reads
 * by subtracting.
 */
@Component
public class ReadModelLag {

    private static final int FINE = 1_000;
    private static final int COARSE = 990;
    private static final long FINE_STEP_NANOS = 100_000L;
    private static final long COARSE_STEP_NANOS = 10_000_000L;
    private final AtomicLongArray counts = new AtomicLongArray(FINE + COARSE + 1);

    /** One write's wait. */
    public void record(long nanos) {
        counts.incrementAndGet(bucket(nanos));
    }

    static int bucket(long nanos) {
        if (nanos < FINE * FINE_STEP_NANOS) {
            return (int) (Math.max(0, nanos) / FINE_STEP_NANOS);
        }
        long coarse = (nanos - FINE * FINE_STEP_NANOS) / COARSE_STEP_NANOS;
        return (int) Math.min(FINE + coarse, FINE + COARSE);
    }

    /** The bucket's upper bound in milliseconds; the last bucket (10 s and above) has none. */
    static Double upperMillis(int bucket) {
        if (bucket < FINE) {
            return (bucket + 1) * FINE_STEP_NANOS / 1e6;
        }
        if (bucket < FINE + COARSE) {
            return (FINE * FINE_STEP_NANOS + (bucket - FINE + 1) * COARSE_STEP_NANOS) / 1e6;
        }
        return null;
    }

    /** The non-empty buckets, each with its upper bound in milliseconds (null for the last) and its count. */
    public Snapshot snapshot() {
        List<Bucket> buckets = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            long n = counts.get(i);
            if (n > 0) {
                buckets.add(new Bucket(upperMillis(i), n));
                total += n;
            }
        }
        return new Snapshot(total, buckets);
    }

    /** A histogram as read at one moment. */
    public record Snapshot(long count, List<Bucket> buckets) {
    }

    /** Writes whose wait was below {@code upperMs} (and above the previous bucket's bound). */
    public record Bucket(Double upperMs, long count) {
    }
}
