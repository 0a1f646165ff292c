package org.carpentries.amy.api.bootstrap;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.carpentries.amy.api.web.RequestIds;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.query.replay.RebuildProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the benchmark's data set ({@link BenchDataSet}) through the command side when {@code AMY_BENCH_DATA} is
 * {@code quick} (a tenth), {@code full}, or a size such as {@code 0.5}; once per database. Commands go through the
 * command gateway like any other, in transactions of {@value #BATCH} so that loading is not bound by commit
 * latency, in {@value #LANES} lanes side by side ({@link BenchLanes}). The read models' processors are stopped while
 * the commands go in, and each model is then rebuilt from the store, which restarts its processor: replaying in
 * batches costs less than following every commit, and the app reports ready only once every read model has every
 * event.
 */
@Component
@Order(3)
class BenchData implements ApplicationRunner {

    static final int BATCH = 200;
    /** Lanes of commands sent side by side ({@link BenchLanes}): the machine has two cores. */
    static final int LANES = 2;
    static final long SEED = 20_161_104L;
    private static final Logger log = LoggerFactory.getLogger(BenchData.class);
    private final CommandGateway commands;
    private final Lookups lookups;
    private final BootstrapSteps steps;
    private final TransactionTemplate transactions;
    private final String requested;
    private final EventProcessingConfiguration processing;
    private final ReadModels readModels;
    private final EntityManager entities;

    BenchData(CommandGateway commands, Lookups lookups, BootstrapSteps steps, PlatformTransactionManager transactions,
              @Value("${amy.bench-data:}") String requested, EventProcessingConfiguration processing,
              ReadModels readModels, EntityManager entities) {
        this.entities = entities;
        this.processing = processing;
        this.readModels = readModels;
        this.commands = commands;
        this.lookups = lookups;
        this.steps = steps;
        this.transactions = new TransactionTemplate(transactions);
        this.requested = requested.strip();
    }

    /** quick is a tenth of the full size; a number is a fraction of it. */
    static double size(String requested) {
        return switch (requested) {
            case "quick" -> 0.1;
            case "full" -> 1.0;
            default -> {
                double size;
                try {
                    size = Double.parseDouble(requested);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("AMY_BENCH_DATA is quick, full or a size such as 0.5, not '"
                            + requested + "'", e);
                }
                if (!(size > 0 && size <= 10)) {
                    throw new IllegalArgumentException("AMY_BENCH_DATA's size is above 0 and at most 10: " + size);
                }
                yield size;
            }
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (requested.isEmpty()) {
            return;
        }
        double size = size(requested);
        String step = "bench-data-" + size;
        List<String> sizes = steps.startingWith("bench-data-");
        if (sizes.contains(step)) {
            log.info("The benchmark data set of size {} is already loaded", size);
            return;
        }
        if (!sizes.isEmpty()) {
            // Loading one size over another would fail at its first command (the same seed makes the same ids).
            throw new IllegalStateException("This database holds the benchmark data set of size "
                    + sizes.get(0).substring("bench-data-".length()) + "; size " + size + " needs a database of its "
                    + "own (another AMY_DATA_DIR, or ops/bench --data with a new folder)");
        }
        List<String> names = readModels.names();
        names.forEach(name -> processing.eventProcessorByProcessingGroup(name).orElseThrow().shutDown());
        long started = System.nanoTime();
        String[] loaded = new String[1];
        try {
            RequestIds.asJob("bench-data", () -> loaded[0] = load(size));
        } catch (RuntimeException e) {
            names.forEach(name -> processing.eventProcessorByProcessingGroup(name).orElseThrow().start());
            throw e;
        }
        long commandsDone = System.nanoTime();
        catchUp(names);
        long done = System.nanoTime();
        log.info("Loaded the benchmark data set of size {}: {} in {} s (the commands {} s, the read models catching "
                + "up {} s)", size, loaded[0], (done - started) / 1_000_000_000L,
                (commandsDone - started) / 1_000_000_000L, (done - commandsDone) / 1_000_000_000L);
        steps.markDone(step);
    }

    /**
     * Rebuilds every read model in one pass (the replay an admin starts, batches of 500 events, the store read once
     * for all of them), which starts each model's processor at the rebuilt position. Starting the processors
     * together instead would have them share the store's event stream, which then holds every event between the
     * slowest and the fastest of them in memory: more than a 256 MiB heap holds.
     */
    private void catchUp(List<String> names) {
        List<RebuildProgress> rebuilt = readModels.runAllNow(false, Duration.ofHours(6));
        for (int i = 0; i < names.size(); i++) {
            RebuildProgress model = rebuilt.get(i);
            if (model == null || !"done".equals(model.state())) {
                throw new IllegalStateException("Read model " + names.get(i) + " did not catch up with the "
                        + "benchmark data: " + (model == null ? "no rebuild" : model.state() + " " + model.error()));
            }
        }
        log.info("Benchmark data: every read model caught up to {}", rebuilt.get(0).position());
    }

    /** Sends the data set's commands; answers how many and what they made. */
    private String load(double size) {
        BenchDataSet.Reference reference = new BenchDataSet.Reference(ids(UniqueKind.TAG_NAME, ReferenceData.TAGS
                .keySet()), ids(UniqueKind.ROLE_NAME, TeachingReferenceData.ROLES), ids(UniqueKind.BADGE_NAME,
                TeachingReferenceData.BADGES.stream().map(b -> b.get(0)).toList()),
                List.copyOf(ids(UniqueKind.LESSON_NAME, TeachingReferenceData.LESSONS).values()));
        long started = System.nanoTime();
        long[] lastLog = {started};
        BenchDataSet.Shape shape;
        long sent;
        try (BenchLanes lanes = new BenchLanes(LANES, BATCH, this::send)) {
            shape = new BenchDataSet(size, SEED, reference, command -> {
                lanes.accept(command);
                if (System.nanoTime() - lastLog[0] > 10_000_000_000L) {
                    lastLog[0] = System.nanoTime();
                    log.info("Benchmark data: {} commands sent, {} per second", lanes.sent(),
                            lanes.sent() * 1_000_000_000L / (lastLog[0] - started));
                }
            }).generate();
            lanes.drain();
            sent = lanes.sent();
        }
        log.info("Benchmark data: {} commands sent in {} s; {}", sent, (System.nanoTime() - started) / 1_000_000_000L,
                shape);
        return sent + " commands";
    }

    /**
     * One transaction for the batch. After each command its writes are flushed and the persistence context is
     * cleared: the event entries it stored stay managed otherwise, and each later flush of the batch (the event
     * store flushes at every append) compares every one of them with its snapshot, byte array by byte array. With
     * 200 commands a batch, that dirty checking took two fifths of the loading thread's time.
     */
    private int send(List<Object> batch) {
        transactions.executeWithoutResult(tx -> batch.forEach(command -> {
            commands.sendAndWait(command);
            entities.flush();
            entities.clear();
        }));
        return batch.size();
    }

    private Map<String, UUID> ids(UniqueKind kind, Iterable<String> names) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String name : names) {
            ids.put(name, lookups.holder(kind, name).orElseThrow(() -> new IllegalStateException(
                    "The benchmark data set needs AMY's reference data; '" + name + "' is missing (AMY_SEED=false?)")));
        }
        return ids;
    }
}
