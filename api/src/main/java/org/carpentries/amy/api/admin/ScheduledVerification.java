package org.carpentries.amy.api.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.query.replay.RebuildProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies every read model against a fresh rebuild from the event store, in one pass that reads the store once for
 * all of them (when a model is being rebuilt meanwhile, the others are verified one at a time instead), and
 * publishes what it found: {@code amy.verification.differences} per read model (rows that differ, at most 100; NaN
 * until verified or when the verification failed) and {@code amy.verification.last_run} (epoch seconds when the last
 * pass finished). A read model found to differ is repaired by rebuilding it
 * ({@code POST /api/admin/read-models/{name}/rebuilds}); the job itself changes nothing.
 */
@Component
public class ScheduledVerification {

    private static final Logger log = LoggerFactory.getLogger(ScheduledVerification.class);
    private final ReadModels readModels;
    private final VerificationProperties properties;
    private final Clock clock;
    private final Map<String, Double> differences = new ConcurrentHashMap<>();
    private volatile double lastRun = Double.NaN;

    ScheduledVerification(ReadModels readModels, VerificationProperties properties, Clock clock,
                          MeterRegistry registry) {
        this.readModels = readModels;
        this.properties = properties;
        this.clock = clock;
        for (String name : readModels.names()) {
            differences.put(name, Double.NaN);
            Gauge.builder("amy.verification.differences", differences, d -> d.getOrDefault(name, Double.NaN))
                    .description("Rows that differed between the live read model and a fresh rebuild at its last "
                            + "scheduled verification (at most 100)")
                    .tag("read_model", name)
                    .register(registry);
        }
        Gauge.builder("amy.verification.last_run", this, v -> v.lastRun)
                .description("When the last scheduled verification of every read model finished")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(cron = "${amy.verification.cron:0 30 2 * * *}", zone = "UTC")
    void scheduled() {
        if (properties.enabled()) {
            runAll();
        }
    }

    /** One pass over every read model; answers the number of read models that differ. */
    public int runAll() {
        List<RebuildProgress> results;
        try {
            results = readModels.runAllNow(true, properties.timeout());
        } catch (RuleViolation busy) {
            log.warn("Scheduled verification: {}; verifying the read models one at a time", busy.getMessage());
            results = null;
        }
        int differing = 0;
        for (int i = 0; i < readModels.names().size(); i++) {
            String name = readModels.names().get(i);
            double found = results == null ? verify(name) : found(name, results.get(i));
            differences.put(name, found);
            if (found > 0) {
                differing++;
            }
        }
        lastRun = clock.instant().toEpochMilli() / 1000.0;
        log.info("Scheduled verification done: {} of {} read models differ from a rebuild", differing,
                readModels.names().size());
        return differing;
    }

    private double verify(String name) {
        try {
            return found(name, readModels.runNow(name, true, properties.timeout()));
        } catch (RuleViolation busy) {
            log.warn("Scheduled verification skipped {}: {}", name, busy.getMessage());
            return Double.NaN;
        }
    }

    private static double found(String name, RebuildProgress result) {
        if (result == null || !"done".equals(result.state())) {
            log.error("Scheduled verification of {} did not finish: {}", name,
                    result == null ? "not started" : result.state() + " " + result.error());
            return Double.NaN;
        }
        if (!result.differences().isEmpty()) {
            log.warn("Read model {} differs from a rebuild in {} rows, first: {}", name, result.differences().size(),
                    result.differences().get(0));
        }
        return result.differences().size();
    }

    /** Scheduling is switched on only where the job should run (tests leave it off and call {@link #runAll()}). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "amy.verification.enabled", havingValue = "true")
    static class Scheduling {
    }
}
