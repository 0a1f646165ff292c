package org.carpentries.amy.api.bootstrap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import org.carpentries.amy.command.airport.RegisterAirport;
import org.carpentries.amy.command.organisation.RegisterOrganisation;
import org.carpentries.amy.command.person.AwardBadge;
import org.carpentries.amy.command.person.EditPerson;
import org.carpentries.amy.command.person.RegisterPerson;
import org.carpentries.amy.command.person.RevokeAward;
import org.carpentries.amy.command.workshop.AddTask;
import org.carpentries.amy.command.workshop.ArchiveWorkshop;
import org.carpentries.amy.command.workshop.AssignTagToWorkshop;
import org.carpentries.amy.command.workshop.EditWorkshop;
import org.carpentries.amy.command.workshop.ScheduleWorkshop;
import org.carpentries.amy.command.workshop.UnassignTagFromWorkshop;
import org.slf4j.MDC;

/**
 * Sends the benchmark data set's commands in lanes that run side by side, each lane its batches in order, each batch
 * in one transaction ({@code send}). A command goes to the lane of the one aggregate it changes, so the commands of
 * one aggregate keep their order. Everything else waits for the lanes to empty and then runs alone, in order: a
 * command that changes several aggregates or one that others read (a merge, a tag retired), any command not named
 * in {@link #aggregate}, and the first command of another kind of registration (people name airports, workshops
 * name organisations). The data set is the same commands with the same ids; only the order of the events of
 * different aggregates between two such points differs from one load to the next.
 */
final class BenchLanes implements AutoCloseable {

    /** Batches a lane may have queued before the generator waits for it. */
    private static final int QUEUED = 4;

    private final int batch;
    private final ToIntFunction<List<Object>> send;
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final List<List<Object>> open = new ArrayList<>();
    private final List<Deque<Future<?>>> queued = new ArrayList<>();
    private final Map<String, String> context;
    private final AtomicLong sent = new AtomicLong();
    private Class<?> registering;

    BenchLanes(int lanes, int batch, ToIntFunction<List<Object>> send) {
        this.batch = batch;
        this.send = send;
        this.context = MDC.getCopyOfContextMap();
        for (int i = 0; i < lanes; i++) {
            int n = i;
            this.lanes.add(Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-data-" + n)));
            open.add(new ArrayList<>(batch));
            queued.add(new ArrayDeque<>());
        }
    }

    /**
     * The aggregate a command changes, when it changes only that one and no other command reads it while the lanes
     * run; null for a command that must run alone.
     */
    static UUID aggregate(Object command) {
        if (command instanceof RegisterOrganisation c) {
            return c.organisationId();
        } else if (command instanceof RegisterAirport c) {
            return c.airportId();
        } else if (command instanceof RegisterPerson c) {
            return c.personId();
        } else if (command instanceof EditPerson c) {
            return c.personId();
        } else if (command instanceof AwardBadge c) {
            return c.personId();
        } else if (command instanceof RevokeAward c) {
            return c.personId();
        } else if (command instanceof ScheduleWorkshop c) {
            return c.workshopId();
        } else if (command instanceof AddTask c) {
            return c.workshopId();
        } else if (command instanceof EditWorkshop c) {
            return c.workshopId();
        } else if (command instanceof AssignTagToWorkshop c) {
            return c.workshopId();
        } else if (command instanceof UnassignTagFromWorkshop c) {
            return c.workshopId();
        } else if (command instanceof ArchiveWorkshop c) {
            return c.workshopId();
        }
        return null;
    }

    void accept(Object command) {
        Class<?> kind = command instanceof RegisterOrganisation || command instanceof RegisterAirport
                || command instanceof RegisterPerson ? command.getClass() : null;
        if (registering != kind) {
            drain();
            registering = kind;
        }
        UUID aggregate = aggregate(command);
        if (aggregate == null) {
            drain();
            sent.addAndGet(send.applyAsInt(List.of(command)));
            return;
        }
        int lane = Math.floorMod(aggregate.hashCode(), lanes.size());
        open.get(lane).add(command);
        if (open.get(lane).size() == batch) {
            submit(lane);
        }
    }

    /** Sends what the lanes hold and waits until they have sent it all. */
    void drain() {
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (!open.get(lane).isEmpty()) {
                submit(lane);
            }
        }
        queued.forEach(q -> {
            while (!q.isEmpty()) {
                await(q.removeFirst());
            }
        });
    }

    /** Commands sent so far (by batches done). */
    long sent() {
        return sent.get();
    }

    private void submit(int lane) {
        List<Object> commands = new ArrayList<>(open.get(lane));
        open.get(lane).clear();
        Deque<Future<?>> q = queued.get(lane);
        while (q.size() >= QUEUED) {
            await(q.removeFirst());
        }
        q.addLast(lanes.get(lane).submit(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                sent.addAndGet(send.applyAsInt(commands));
            } finally {
                MDC.clear();
            }
        }));
    }

    private static void await(Future<?> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the benchmark data set", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("Loading the benchmark data set failed", e.getCause());
        }
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
