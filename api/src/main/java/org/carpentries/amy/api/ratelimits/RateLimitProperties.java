package org.carpentries.amy.api.ratelimits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code amy.rate-limits.*}: on or off, and for anonymous export reads and for login attempts how many requests per
 * minute one client address may make, with how large a burst.
 */
@ConfigurationProperties("amy.rate-limits")
public record RateLimitProperties(Boolean enabled, Limit exports, Limit login) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        exports = exports == null ? new Limit(120, 60) : exports;
        login = login == null ? new Limit(10, 10) : login;
    }

    /** A token bucket: {@code perMinute} tokens come back each minute, at most {@code burst} are saved up. */
    public record Limit(int perMinute, int burst) {

        public Limit {
            if (perMinute <= 0 || burst <= 0) {
                throw new IllegalArgumentException("A rate limit needs a positive per-minute rate and burst, not "
                        + perMinute + "/" + burst);
            }
        }
    }
}
