package org.carpentries.amy.api.ratelimits;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (a client address), refilled continuously from {@code clock}. Buckets that would be full
 * again are forgotten now and then, so a stream of new addresses cannot grow the map without bound.
 */
final class TokenBuckets {

    /** Above this many keys, a sweep drops the buckets that have refilled completely. */
    static final int SWEEP_ABOVE = 10_000;

    /** A token is worth a minute of nanoseconds: each nanosecond adds {@code perMinute} units, in exact longs. */
    private static final long TOKEN = 60_000_000_000L;
    private final long perMinute;
    private final long capacity;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(RateLimitProperties.Limit limit, Clock clock) {
        this.perMinute = limit.perMinute();
        this.capacity = limit.burst() * TOKEN;
        this.clock = clock;
    }

    /**
     * Takes a token for {@code key}: {@code retryAfter} 0 when granted, otherwise the whole seconds to wait until one
     * is there; {@code first} tells the first refusal after a grant, the one worth logging.
     */
    record Outcome(long retryAfter, boolean first) {
    }

    Outcome take(String key) {
        long now = nanos();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.full(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
    }

    int size() {
        return buckets.size();
    }

    private long nanos() {
        java.time.Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private final class Bucket {
        private long units;
        private long at;
        private boolean refusing;

        Bucket(long units, long at) {
            this.units = units;
            this.at = at;
        }

        synchronized Outcome take(long now) {
            refill(now);
            if (units >= TOKEN) {
                units -= TOKEN;
                refusing = false;
                return new Outcome(0, false);
            }
            boolean first = !refusing;
            refusing = true;
            long nanos = -Math.floorDiv(units - TOKEN, perMinute);
            return new Outcome(Math.max(1, -Math.floorDiv(-nanos, 1_000_000_000L)), first);
        }

        synchronized boolean full(long now) {
            refill(now);
            return units >= capacity;
        }

        private void refill(long now) {
            if (now > at) {
                long elapsed = now - at;
                units = elapsed >= capacity / perMinute ? capacity : Math.min(capacity, units + elapsed * perMinute);
                at = now;
            }
        }
    }
}
