package org.carpentries.amy.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.carpentries.amy.support.MovableClock;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2016-04-06T17:05:00Z"));

    @Test
    void aBurstIsGrantedThenRefusedWithTheSecondsUntilTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(120, 3), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a").retryAfter()).isZero();
        }
        TokenBuckets.Outcome refused = buckets.take("a");
        assertThat(refused.retryAfter()).isEqualTo(1);
        assertThat(refused.first()).isTrue();
        assertThat(buckets.take("a").first()).isFalse();
        assertThat(buckets.take("b").retryAfter()).as("another address has its own bucket").isZero();
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(10, 10), clock);
        for (int i = 0; i < 10; i++) {
            buckets.take("a");
        }
        assertThat(buckets.take("a").retryAfter()).isEqualTo(6);
        clock.advance(Duration.ofSeconds(5));
        assertThat(buckets.take("a").retryAfter()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("a").retryAfter()).isZero();
        assertThat(buckets.take("a").retryAfter()).isEqualTo(6);
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take("a").retryAfter()).as("never more than the burst is saved").isZero();
        }
        assertThat(buckets.take("a").retryAfter()).isPositive();
    }

    @Test
    void fullBucketsAreForgottenOnceThereAreMany() {
        TokenBuckets buckets = new TokenBuckets(new RateLimitProperties.Limit(60, 5), clock);
        for (int i = 0; i <= TokenBuckets.SWEEP_ABOVE; i++) {
            buckets.take("10.0." + i);
        }
        clock.advance(Duration.ofMinutes(1));
        buckets.take("10.1.0.0");
        assertThat(buckets.size()).isEqualTo(1);
    }
}
