package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.carpentries.amy.support.MovableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));

    @Test
    void fiveFailuresWithinTheWindowThrottleTheLoginUntilTheFirstLeavesIt() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Harry");
            clock.advance(Duration.ofSeconds(60));
        }
        assertThat(throttle.blocked("harry")).isEmpty();
        throttle.failed("HARRY ");
        assertThat(throttle.blocked("harry")).contains(Duration.ofMinutes(11));
        assertThat(throttle.blocked("ron")).isEmpty();
        clock.advance(Duration.ofMinutes(11));
        assertThat(throttle.blocked("harry")).as("the first failure left the window").isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("hermione");
        }
        clock.advance(Duration.ofMinutes(15));
        throttle.failed("hermione");
        assertThat(throttle.blocked("hermione")).isEmpty();
    }

    @Test
    void aSuccessClearsTheFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("neville");
        }
        throttle.succeeded("Neville");
        throttle.failed("neville");
        assertThat(throttle.blocked("neville")).isEmpty();
    }
}
