package org.carpentries.amy.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins per login string (lower-cased, kept only as a SHA-256), in memory: after
 * {@code amy.security.login-throttle.max-failures} (5) failures within {@code …window} (15 minutes) that string is
 * refused until the oldest failure leaves the window, whether or not any account has it.
 */
@Component
class LoginThrottle {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, @Value("${amy.security.login-throttle.max-failures:5}") int maxFailures,
                  @Value("${amy.security.login-throttle.window:15m}") Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long {@code login} must still wait, if it is throttled now. */
    Optional<Duration> blocked(String login) {
        Instant now = clock.instant();
        Deque<Instant> list = failures.get(key(login));
        if (list == null) {
            return Optional.empty();
        }
        synchronized (list) {
            prune(list, now);
            if (list.size() < maxFailures) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, list.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    void failed(String login) {
        Instant now = clock.instant();
        Deque<Instant> list = failures.computeIfAbsent(key(login), k -> new ArrayDeque<>());
        synchronized (list) {
            prune(list, now);
            list.addLast(now);
        }
        if (failures.size() > 100_000) {
            // Bounded memory under a spray of logins: drop the strings whose failures have all expired.
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    void succeeded(String login) {
        failures.remove(key(login));
    }

    private void prune(Deque<Instant> list, Instant now) {
        while (!list.isEmpty() && !list.peekFirst().plus(window).isAfter(now)) {
            list.removeFirst();
        }
    }

    private static String key(String login) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (login == null ? "" : login.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
