package org.carpentries.amy.query.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.RecordNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read models, their positions, and their rebuilds. A rebuild replays the whole store into the shadow tables
 * through a second instance of the same projection while the live model keeps serving; at the head it pauses the
 * live processor, catches up, copies the shadow tables over the live ones and moves the live token to the rebuilt
 * position in one transaction, and resumes; the group's dead letters are cleared with the switch, since the rebuilt
 * model applied their events. A verification does the same but compares instead of copying.
 */
@Component
public class ReadModels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);
    private static final int BATCH = 500;

    private final Map<String, ReadModel> models = new LinkedHashMap<>();
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, RebuildProgress> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private final Map<String, StreamingEventProcessor> processors = new ConcurrentHashMap<>();
    /** Per event payload type, the read models that handle it ({@link #handling}). */
    private final Map<Class<?>, List<String>> handlers = new ConcurrentHashMap<>();
    /** Each model's own handlers, asked which event types it handles. */
    private final Map<String, AnnotationEventHandlerAdapter> inspectors = new LinkedHashMap<>();
    /** Per processor name, the read models it runs ({@link #modelsOf}). */
    private final Map<String, List<String>> modelsByProcessor = new ConcurrentHashMap<>();
    /** The writes waiting for read models to handle their events ({@link #await}). */
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final long recheckNanos;
    private final LongAdder wokenByBatches = new LongAdder();
    private final LongAdder rechecks = new LongAdder();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-rebuild");
        t.setDaemon(true);
        return t;
    });
    /** Where a pass's models handle each batch: as many as the machine has cores, at most four. */
    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.min(4, Runtime.getRuntime().availableProcessors()), new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "read-model-rebuild-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }
            });

    public ReadModels(List<ReadModel> readModels, EventProcessingConfiguration processing, EventStore eventStore,
                      TokenStore tokenStore, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                      Clock clock, @Value("${amy.read-model-recheck:10ms}") Duration recheck) {
        readModels.forEach(m -> {
            models.put(m.name(), m);
            inspectors.put(m.name(), new AnnotationEventHandlerAdapter(m));
        });
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        // At least a millisecond: a shorter recheck would make every waiting write spin.
        this.recheckNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), recheck.toNanos());
    }

    public List<String> names() {
        return List.copyOf(models.keySet());
    }

    /** The global index of the newest event in the store, or -1 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    public List<ReadModelStatus> status() {
        long head = head();
        List<ReadModelStatus> all = new ArrayList<>();
        for (String name : models.keySet()) {
            all.add(status(name, head));
        }
        return all;
    }

    public ReadModelStatus status(String name) {
        require(name);
        return status(name, head());
    }

    private ReadModelStatus status(String name, long head) {
        long position = position(name);
        String state = Boolean.TRUE.equals(running.get(name)) ? "rebuilding"
                : processor(name).map(p -> p.isRunning() ? "running" : "stopped").orElse("missing");
        return new ReadModelStatus(name, processorName(name), state, position, head,
                position < 0 ? head + 1 : Math.max(0, head - position), rebuilds.get(name));
    }

    /** The lowest position over the processor's segments; -1 when it has handled nothing yet. */
    public long position(String name) {
        return processor(name).map(p -> p.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min().orElse(-1)).orElse(-1L);
    }

    /**
     * Waits until every read model has handled each of {@code positions} (a gap-aware token may be past a position
     * it has not handled yet, when that event committed late), at most {@code timeout}; answers whether they all did.
     */
    public boolean awaitProcessed(List<Long> positions, Duration timeout) {
        Map<String, List<Long>> byModel = new LinkedHashMap<>();
        models.keySet().forEach(name -> byModel.put(name, positions));
        return await(byModel, timeout);
    }

    /**
     * Waits as {@link #awaitProcessed(List, Duration)} does, but each read model only for the positions of the
     * events it has a handler for ({@code positionsByType}: each payload type with the positions of its events): a
     * model does not change with an event it does not handle, so the write is visible without it (and a stopped
     * model holds up only the writes it would show). A model whose processor is not known is waited for.
     */
    public boolean awaitProcessed(Map<Class<?>, List<Long>> positionsByType, Duration timeout) {
        Map<String, List<Long>> byModel = new LinkedHashMap<>();
        positionsByType.forEach((type, positions) -> handling(type).forEach(
                name -> byModel.computeIfAbsent(name, n -> new ArrayList<>()).addAll(positions)));
        return await(byModel, timeout);
    }

    /**
     * The read models whose handlers take events of {@code payloadType}, as each model's own handlers say (a processor
     * may run several models: its invoker answers for all of them).
     */
    public List<String> handling(Class<?> payloadType) {
        List<String> known = handlers.get(payloadType);
        if (known != null) {
            return known;
        }
        List<String> names = new ArrayList<>();
        boolean complete = true;
        for (String name : models.keySet()) {
            if (processor(name).isEmpty()) {
                complete = false;
                names.add(name);
            } else if (inspectors.get(name).canHandleType(payloadType)) {
                names.add(name);
            }
        }
        List<String> result = List.copyOf(names);
        if (complete) {
            handlers.put(payloadType, result);
        }
        return result;
    }

    /** Whether read model {@code name} has a handler for events of {@code payloadType}. */
    public boolean handles(String name, Class<?> payloadType) {
        require(name);
        return inspectors.get(name).canHandleType(payloadType);
    }

    /**
     * Whether a commit with an event of {@code payloadType} concerns processor {@code processorName}: one of its read
     * models handles that type; a processor that runs no read model is concerned by every event.
     */
    public boolean concerns(String processorName, Class<?> payloadType) {
        List<String> its = modelsOf(processorName);
        if (its.isEmpty()) {
            return true;
        }
        List<String> handling = handling(payloadType);
        return its.stream().anyMatch(handling::contains);
    }

    /** The name of the processor that runs the model's handlers (the model's own name until it is built). */
    public String processorName(String name) {
        return processor(name).map(StreamingEventProcessor::getName).orElse(name);
    }

    /** The read models whose handlers processor {@code processorName} runs; none for any other processor. */
    public List<String> modelsOf(String processorName) {
        List<String> known = modelsByProcessor.get(processorName);
        if (known != null) {
            return known;
        }
        boolean complete = true;
        List<String> names = new ArrayList<>();
        for (String name : models.keySet()) {
            Optional<StreamingEventProcessor> processor = processor(name);
            if (processor.isEmpty()) {
                complete = false;
            } else if (processor.get().getName().equals(processorName)) {
                names.add(name);
            }
        }
        List<String> result = List.copyOf(names);
        if (complete) {
            modelsByProcessor.put(processorName, result);
        }
        return result;
    }

    /**
     * Called on a processor's thread at the end of each of its batches, once its position has moved: wakes the writes
     * waiting for one of its read models whose positions it now has. A write woken
     * looks at every model it waits for and, if some are still behind, waits again.
     */
    public void batchEnded(String processorName) {
        List<String> its = modelsOf(processorName);
        for (Waiter waiter : waiters) {
            for (String name : its) {
                List<Long> positions = waiter.byModel.get(name);
                if (positions != null && handled(name, positions)) {
                    waiter.woken = true;
                    LockSupport.unpark(waiter.thread);
                    break;
                }
            }
        }
    }

    /**
     * Waits, without polling, for the processors' batches to say they moved ({@link #batchEnded}); it also looks
     * every {@code recheck} in case no batch will say so (a processor that claimed its segment again, or one that
     * moved past the positions without a batch: events it skipped). Only this node's processors are looked at: a
     * segment claimed by another node's processor is never seen as having the positions, and the wait runs out.
     */
    private boolean await(Map<String, List<Long>> byModel, Duration timeout) {
        if (handledAll(byModel)) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Waiter waiter = new Waiter(Thread.currentThread(), byModel);
        waiters.add(waiter);
        try {
            while (true) {
                // Registered before this look: a batch that ends after it wakes the thread (unpark before park
                // makes the park return at once).
                if (handledAll(byModel)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    // An interrupted thread would not sleep: it answers what it has (the interrupt stays set).
                    return false;
                }
                long parkNanos = Math.min(left, recheckNanos);
                long parked = System.nanoTime();
                LockSupport.parkNanos(this, parkNanos);
                if (waiter.woken) {
                    waiter.woken = false;
                    wokenByBatches.increment();
                } else if (System.nanoTime() - parked >= parkNanos) {
                    rechecks.increment();
                }
            }
        } finally {
            waiters.remove(waiter);
        }
    }

    private boolean handledAll(Map<String, List<Long>> byModel) {
        for (Map.Entry<String, List<Long>> model : byModel.entrySet()) {
            if (!handled(model.getKey(), model.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * How the waits of writes for their read models ended each time they stopped waiting short of having every
     * model: woken by a processor's batch that had their events, or looking again on their own after
     * {@code amy.read-model-recheck} or at the end of the wait (a batch that should have woken them did not).
     */
    public WaitWakes waitWakes() {
        return new WaitWakes(wokenByBatches.sum(), rechecks.sum());
    }

    /** Counts since start: see {@link #waitWakes()}. */
    public record WaitWakes(long wokenByBatches, long rechecks) {
    }

    /** A write's thread waiting for read models, each with the positions it waits for in that model. */
    private static final class Waiter {
        private final Thread thread;
        private final Map<String, List<Long>> byModel;
        /** Set by a batch before it wakes the thread. */
        private volatile boolean woken;

        private Waiter(Thread thread, Map<String, List<Long>> byModel) {
            this.thread = thread;
            this.byModel = byModel;
        }
    }

    private boolean handled(String name, List<Long> positions) {
        Map<Integer, EventTrackerStatus> segments = segments(name);
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : segments.values()) {
            TrackingToken token = status.getTrackingToken() == null ? null
                    : WrappedToken.unwrapLowerBound(status.getTrackingToken());
            for (long position : positions) {
                if (!handled(token, position)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean handled(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        return token.position().orElse(-1) >= position;
    }

    public Optional<RebuildProgress> progress(String name) {
        require(name);
        return Optional.ofNullable(rebuilds.get(name));
    }

    /**
     * Starts a rebuild (or, with {@code verifyOnly}, a verification) in the background. A rebuild takes with it the
     * other models of the model's processor: they have one position, which the rebuild moves. A verification moves
     * nothing and compares the model alone.
     */
    public RebuildProgress start(String name, boolean verifyOnly) {
        require(name);
        List<ReadModel> chosen = verifyOnly ? List.of(models.get(name)) : withTheirProcessors(List.of(name));
        return start(chosen, verifyOnly).stream().filter(p -> p.readModel().equals(name)).findFirst().orElseThrow();
    }

    /** Starts one pass that rebuilds the named models and every other model of their processors. */
    public List<RebuildProgress> rebuild(List<String> names) {
        names.forEach(this::require);
        return start(withTheirProcessors(names), false);
    }

    private List<ReadModel> withTheirProcessors(List<String> names) {
        Set<String> processorNames = new HashSet<>();
        names.forEach(n -> processorNames.add(processorName(n)));
        return models.values().stream().filter(m -> names.contains(m.name())
                || processorNames.contains(processorName(m.name()))).toList();
    }

    /**
     * Starts one pass that rebuilds (or verifies) every read model: the store is read and each event deserialised
     * once for all of them, instead of once per model. Each model still has its own transactions, twin tables and
     * outcome: one that fails stops only itself.
     */
    public List<RebuildProgress> startAll(boolean verifyOnly) {
        return start(List.copyOf(models.values()), verifyOnly);
    }

    private List<RebuildProgress> start(List<ReadModel> chosen, boolean verifyOnly) {
        List<String> claimed = new ArrayList<>();
        for (ReadModel model : chosen) {
            if (running.putIfAbsent(model.name(), true) != null) {
                claimed.forEach(running::remove);
                throw new RuleViolation("rebuild-running", "A rebuild of " + model.name() + " is already running.");
            }
            claimed.add(model.name());
        }
        Instant started = clock.instant();
        String mode = verifyOnly ? "verify" : "rebuild";
        long head = head();
        List<RebuildProgress> first = new ArrayList<>();
        for (ReadModel model : chosen) {
            RebuildProgress progress = new RebuildProgress(model.name(), mode, "running", started, null, -1, head, 0,
                    0, null, List.of(), null);
            rebuilds.put(model.name(), progress);
            first.add(progress);
        }
        executor.submit(() -> run(chosen, verifyOnly, started));
        return first;
    }

    /** Rebuilds (or verifies) and waits for the outcome; for tests and jobs that need the result. */
    public RebuildProgress runNow(String name, boolean verifyOnly, Duration timeout) {
        start(name, verifyOnly);
        awaitDone(List.of(name), timeout);
        return rebuilds.get(name);
    }

    /** {@link #startAll} and waits for the outcome of every read model, in {@link #names()} order. */
    public List<RebuildProgress> runAllNow(boolean verifyOnly, Duration timeout) {
        startAll(verifyOnly);
        awaitDone(names(), timeout);
        return names().stream().map(rebuilds::get).toList();
    }

    private void awaitDone(List<String> names, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (names.stream().anyMatch(n -> Boolean.TRUE.equals(running.get(n))) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** One model in a pass: its twin-writing projection, its live processor, and what the pass did to it. */
    private final class Target {

        final ReadModel model;
        final Optional<StreamingEventProcessor> processor;
        AnnotationEventHandlerAdapter handler;
        boolean paused;
        boolean failed;
        boolean indexed = true;
        long handlingNanos;
        RebuildProgress outcome;
        /** The twins' indexes dropped for the replay, by definition (as {@link #indexes}), with their names. */
        final Map<String, String> dropped = new LinkedHashMap<>();

        Target(ReadModel model) {
            this.model = model;
            this.processor = processor(model.name());
        }

        String name() {
            return model.name();
        }
    }

    /**
     * Replays the store once into the twins of every chosen model. At the head it pauses their live processors, so
     * nothing moves while the pass reads the last events and switches each model in (or compares it); the processors
     * restart at the rebuilt position.
     */
    private void run(List<ReadModel> chosen, boolean verifyOnly, Instant started) {
        String mode = verifyOnly ? "verify" : "rebuild";
        List<Target> targets = chosen.stream().map(Target::new).toList();
        List<Target> active = new ArrayList<>();
        long replayed = 0;
        long position = -1;
        try {
            for (Target target : targets) {
                try {
                    tx.executeWithoutResult(s -> jdbc.update("TRUNCATE " + String.join(", ",
                            target.model.tables().stream().map(t -> t + "_rebuild").toList())));
                    target.handler = new AnnotationEventHandlerAdapter(target.model.writingTo(Tables.REBUILD));
                    if (!target.model.insertOnlyTables().isEmpty()) {
                        target.indexed = false;
                        tx.executeWithoutResult(s -> dropSecondaryIndexes(target));
                    }
                    active.add(target);
                } catch (Exception | Error e) {
                    fail(target, mode, started, position, replayed, e);
                }
            }
            TrackingToken last = null;
            boolean atHead = false;
            boolean paused = false;
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (!active.isEmpty()) {
                    List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
                    while (batch.size() < BATCH && stream.hasNextAvailable()) {
                        batch.add(stream.nextAvailable());
                    }
                    if (batch.isEmpty()) {
                        if (paused) {
                            break;
                        }
                        if (!atHead) {
                            // At the head for the first time: build the indexes left out and give the planner the
                            // twins' statistics (autovacuum analysed them half-filled, if at all, and they go with
                            // the tables when swapped in), then read on to the head again, so the live processors
                            // stay paused only for the last events.
                            atHead = true;
                            for (Target target : List.copyOf(active)) {
                                try {
                                    if (!target.indexed) {
                                        restoreIndexes(target);
                                    }
                                    if (!verifyOnly) {
                                        target.model.tables().forEach(t -> jdbc.execute("ANALYZE " + t + "_rebuild"));
                                    }
                                } catch (Exception | Error e) {
                                    fail(target, mode, started, position, replayed, e);
                                    active.remove(target);
                                }
                            }
                            continue;
                        }
                        // At the head: stop the live processors so nothing moves while we finish.
                        for (Target target : active) {
                            target.processor.ifPresent(StreamingEventProcessor::shutDown);
                            target.paused = true;
                        }
                        paused = true;
                        continue;
                    }
                    for (Map.Entry<Target, Throwable> failed : handleEverywhere(active, batch).entrySet()) {
                        fail(failed.getKey(), mode, started, position, replayed, failed.getValue());
                        active.remove(failed.getKey());
                    }
                    last = batch.get(batch.size() - 1).trackingToken();
                    replayed += batch.size();
                    position = last.position().orElse(position);
                    long head = head();
                    for (Target target : active) {
                        rebuilds.put(target.name(), progress(target.name(), mode, "running", started, null, position,
                                head, replayed, null));
                    }
                }
            }
            for (Target target : active) {
                finish(target, verifyOnly, last, started, position, replayed);
            }
            if (targets.size() > 1) {
                log.info("{} of {} read models in one pass: {} events in {} s; handling per model (s): {}", mode,
                        targets.size(), replayed, Duration.between(started, clock.instant()).toMillis() / 1000.0,
                        String.join(", ", targets.stream().map(t -> t.name() + " "
                                + Math.round(t.handlingNanos / 1e7) / 100.0).toList()));
            }
        } catch (Exception | Error e) {
            // An Error too (out of memory, say): left uncaught, the executor would swallow it and the rebuild would
            // say "running" for ever.
            for (Target target : targets) {
                if (!target.failed && Boolean.TRUE.equals(running.get(target.name()))
                        && target.outcome == null) {
                    fail(target, mode, started, position, replayed, e);
                }
            }
        } finally {
            for (Target target : targets) {
                if (target.paused) {
                    target.processor.ifPresent(StreamingEventProcessor::start);
                }
            }
            // Done once the processors are back at work: until one claims its segments it has no position to show.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (Target target : targets) {
                while (target.paused && System.nanoTime() < deadline && target.processor.map(p -> p.isRunning()
                        && p.processingStatus().isEmpty()).orElse(false)) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
                if (target.outcome != null) {
                    rebuilds.put(target.name(), target.outcome);
                }
                running.remove(target.name());
            }
        }
    }

    /**
     * One batch into every model, each in its own transaction, on the worker threads: while one model's statements
     * run in PostgreSQL another's handlers run here, so the pass uses the machine's cores. The costliest models so
     * far go first. Each message is deserialised once beforehand, here. Answers the models that failed, with why.
     */
    private Map<Target, Throwable> handleEverywhere(List<Target> active, List<TrackedEventMessage<?>> batch)
            throws InterruptedException {
        for (TrackedEventMessage<?> message : batch) {
            message.getPayload();
            message.getMetaData();
        }
        List<Target> order = active.stream()
                .sorted(Comparator.comparingLong((Target t) -> t.handlingNanos).reversed()).toList();
        List<Future<Throwable>> outcomes = new ArrayList<>();
        for (Target target : order) {
            outcomes.add(workers.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    tx.executeWithoutResult(s -> {
                        // The twins are not live before the switch, and a rebuild that stops starts over: a batch
                        // need not wait for the disk (the switch does).
                        jdbc.execute("SET LOCAL synchronous_commit TO off");
                        handle(target.handler, batch);
                    });
                    return null;
                } catch (Exception | Error e) {
                    return e;
                } finally {
                    target.handlingNanos += System.nanoTime() - t0;
                }
            }));
        }
        Map<Target, Throwable> failed = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            try {
                Throwable outcome = outcomes.get(i).get();
                if (outcome != null) {
                    failed.put(order.get(i), outcome);
                }
            } catch (ExecutionException e) {
                failed.put(order.get(i), e.getCause());
            }
        }
        return failed;
    }

    /** Switches the rebuilt twins in (or compares them with the live tables) and records the outcome. */
    private void finish(Target target, boolean verifyOnly, TrackingToken token, Instant started, long position,
                        long replayed) {
        String mode = verifyOnly ? "verify" : "rebuild";
        try {
            List<String> differences = List.of();
            if (verifyOnly) {
                differences = compare(target.model);
            } else {
                tx.executeWithoutResult(s -> swap(target.model, token));
                target.model.replaced();
            }
            // Published once the processors are back (in run's finally), so "done" means the model is live again.
            target.outcome = progress(target.name(), mode, "done", started, clock.instant(), position, head(),
                    replayed, differences);
            log.info("{} of {} done: {} events replayed, {} differences", mode, target.name(), replayed,
                    differences.size());
        } catch (Exception | Error e) {
            fail(target, mode, started, position, replayed, e);
        }
    }

    private void fail(Target target, String mode, Instant started, long position, long replayed, Throwable e) {
        log.error("{} of {} failed", mode, target.name(), e);
        target.failed = true;
        if (!target.indexed) {
            try {
                restoreIndexes(target);
            } catch (RuntimeException again) {
                log.warn("The twins of {} are left without some indexes; its next rebuild builds them", target.name(),
                        again);
            }
        }
        long head;
        try {
            head = head();
        } catch (RuntimeException unreachable) {
            head = -1;
        }
        rebuilds.put(target.name(), new RebuildProgress(target.name(), mode, "failed", started, clock.instant(),
                position, head, replayed, 0, null, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    /**
     * One batch in one unit of work, as a processor handles it (projections that read ahead see every message of
     * the batch). A handler's failure fails the rebuild: Axon's unit of work reports it in its result instead of
     * throwing, and a rebuild that went on without the event would swap in a model missing its change.
     */
    private static void handle(AnnotationEventHandlerAdapter handler, List<TrackedEventMessage<?>> batch) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> handler.handle(unitOfWork.getMessage()));
        if (result.isExceptional()) {
            // The first failure in the batch's order among the events this model handles: after it, PostgreSQL
            // refuses every statement of the batch, and a failed flush fails every message, the foreign ones too.
            var results = unitOfWork.getExecutionResults();
            String failed = batch.stream().filter(m -> results.containsKey(m) && results.get(m).isExceptionResult())
                    .sorted(java.util.Comparator.comparing(m -> handler.canHandle(m) ? 0 : 1))
                    .map(m -> m.getPayloadType().getSimpleName() + " " + m.getIdentifier())
                    .findFirst().orElse("an event");
            Throwable cause = result.exceptionResult();
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalStateException("Replaying " + failed + " failed: " + root.getMessage(), cause);
        }
    }

    /**
     * The table's indexes (constraint indexes too) by their definition with the index's and the table's names left
     * out, so a live table's index and its twin's have the same key.
     */
    private Map<String, String> indexes(String table) {
        Map<String, String> byDefinition = new LinkedHashMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?",
                rs -> {
                    byDefinition.put(normalised(rs.getString(2)), rs.getString(1));
                }, table);
        return byDefinition;
    }

    /** Drops the non-unique indexes of the twins of the model's insert-only tables, remembering them. */
    private void dropSecondaryIndexes(Target target) {
        for (String table : target.model.insertOnlyTables()) {
            String twin = table + "_rebuild";
            jdbc.query("""
                    SELECT c.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x
                    JOIN pg_class c ON c.oid = x.indexrelid
                    WHERE x.indrelid = ?::regclass AND NOT x.indisunique""", rs -> {
                target.dropped.put(normalised(rs.getString(2)), rs.getString(1));
            }, twin);
            for (String index : target.dropped.values()) {
                jdbc.update("DROP INDEX IF EXISTS " + index);
            }
        }
    }

    /**
     * Gives the twins of the model's insert-only tables every index their live tables have, by definition: those
     * dropped for this replay under their names, and any a rebuild that died half-way left out under new ones.
     */
    private void restoreIndexes(Target target) {
        tx.executeWithoutResult(s -> {
            for (String table : target.model.insertOnlyTables()) {
                String twin = table + "_rebuild";
                Map<String, String> present = indexes(twin);
                for (String definition : indexes(table).keySet()) {
                    if (!present.containsKey(definition)) {
                        String name = target.dropped.getOrDefault(definition, "");
                        jdbc.update(definition.replaceFirst(" INDEX ON ", " INDEX " + name + " ON " + twin + " "));
                    }
                }
            }
        });
        target.indexed = true;
    }

    private static String normalised(String definition) {
        return definition.replaceFirst(" INDEX \\S+ ON (\\S+\\.)?\\S+ ", " INDEX ON ");
    }

    /**
     * The indexes follow their tables through the renames: each live index's name moves to its rebuilt twin and back,
     * so the live table keeps the names its migrations gave (which a later migration may name) and the twin keeps its
     * own. An index without a twin of the same definition keeps its name.
     */
    private void swapNames(Map<String, String> live, Map<String, String> twin) {
        int i = 0;
        for (Map.Entry<String, String> index : live.entrySet()) {
            String twinName = twin.get(index.getKey());
            if (twinName == null || twinName.equals(index.getValue())) {
                continue;
            }
            String parked = "amy_swapping_index_" + i++;
            jdbc.update("ALTER INDEX " + index.getValue() + " RENAME TO " + parked);
            jdbc.update("ALTER INDEX " + twinName + " RENAME TO " + index.getValue());
            jdbc.update("ALTER INDEX " + parked + " RENAME TO " + twinName);
        }
    }

    /**
     * The rebuilt tables become the live ones by renaming, in one transaction (readers wait the few milliseconds it
     * holds its locks, then see the rebuilt rows), and the old live rows are truncated as the new twins. Nothing is
     * copied and no dead rows are left behind, so repeated rebuilds and verifications do not bloat the tables.
     */
    private void swap(ReadModel model, TrackingToken token) {
        for (String table : model.tables()) {
            Map<String, String> liveIndexes = indexes(table);
            Map<String, String> twinIndexes = indexes(table + "_rebuild");
            jdbc.update("ALTER TABLE " + table + " RENAME TO " + table + "_swapping");
            jdbc.update("ALTER TABLE " + table + "_rebuild RENAME TO " + table);
            jdbc.update("ALTER TABLE " + table + "_swapping RENAME TO " + table + "_rebuild");
            swapNames(liveIndexes, twinIndexes);
        }
        jdbc.update("TRUNCATE " + String.join(", ", model.tables().stream().map(t -> t + "_rebuild").toList()));
        // The rebuilt tables include every event up to the token, dead-lettered ones too: their letters are done.
        processing.deadLetterQueue(model.name()).ifPresent(SequencedDeadLetterQueue::clear);
        if (token != null) {
            // The processor's token: the pass rebuilt every model of the processor, all to this position.
            String processor = processorName(model.name());
            for (int segment : tokenStore.fetchSegments(processor)) {
                tokenStore.fetchToken(processor, segment);
                tokenStore.storeToken(token, processor, segment);
                tokenStore.releaseClaim(processor, segment);
            }
        }
    }

    /** Rows present on one side only, as {@code table: live-only|rebuilt-only (row)}; at most 100. */
    private List<String> compare(ReadModel model) {
        List<String> differences = new ArrayList<>();
        for (String table : model.tables()) {
            for (String side : List.of("live-only", "rebuilt-only")) {
                String a = side.equals("live-only") ? table : table + "_rebuild";
                String b = side.equals("live-only") ? table + "_rebuild" : table;
                jdbc.query("SELECT x::text FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b
                        + ") x LIMIT 100", rs -> {
                    differences.add(table + ": " + side + " " + rs.getString(1));
                });
            }
        }
        return differences.size() > 100 ? differences.subList(0, 100) : differences;
    }

    private RebuildProgress progress(String name, String mode, String state, Instant started, Instant finished,
                                     long position, long head, long replayed, List<String> differences) {
        double seconds = Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
        double rate = replayed / seconds;
        Double left = rate > 0 && head >= position ? (head - position) / rate : null;
        return new RebuildProgress(name, mode, state, started, finished, position, head, replayed, rate, left,
                differences == null ? List.of() : List.copyOf(differences), null);
    }

    private ReadModel require(String name) {
        ReadModel model = models.get(name);
        if (model == null) {
            throw new RecordNotFound("read-model", name);
        }
        return model;
    }

    /**
     * The model's live processor (its processing group's). Axon's lookup copies its whole map of processors on every call, and a waiting write
     * asks for every model's about once a millisecond: the processors, once built, are kept here.
     */
    private Optional<StreamingEventProcessor> processor(String name) {
        StreamingEventProcessor known = processors.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StreamingEventProcessor> found = processing.eventProcessorByProcessingGroup(name,
                StreamingEventProcessor.class);
        found.ifPresent(p -> processors.put(name, p));
        return found;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        workers.shutdownNow();
    }

    private Map<Integer, EventTrackerStatus> segments(String name) {
        return processor(name).map(StreamingEventProcessor::processingStatus).orElse(Map.of());
    }
}
