package org.carpentries.amy.api.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carpentries.amy.api.store.BatchTrace;
import org.carpentries.amy.api.store.DeadLetterSightings;
import org.carpentries.amy.api.store.EventCapture;
import org.carpentries.amy.query.replay.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers once every read model that handles its events includes them (bounded by
 * {@code amy.read-model-wait}), so an admin never sees a stale page right after saving; past the bound,
 * {@link ReadModelsBehind} says so. A model with no handler for any of the events does not change with them and is
 * not waited for.
 */
@Component
public class Writes {

    private static final Logger log = LoggerFactory.getLogger(Writes.class);
    private final CommandGateway commands;
    private final ReadModels readModels;
    private final AmyProperties properties;
    private final JdbcTemplate jdbc;
    private final ReadModelLag lag;
    private final DeadLetterSightings deadLetters;
    private final BatchTrace trace;

    public Writes(CommandGateway commands, ReadModels readModels, AmyProperties properties, JdbcTemplate jdbc,
                  ReadModelLag lag, DeadLetterSightings deadLetters, BatchTrace trace) {
        this.jdbc = jdbc;
        this.trace = trace;
        this.deadLetters = deadLetters;
        this.lag = lag;
        this.commands = commands;
        this.readModels = readModels;
        this.properties = properties;
    }

    public <R> R send(Object command) {
        EventCapture.Captured<R> sent = EventCapture.during(() -> commands.sendAndWait(command));
        long acknowledged = System.nanoTime();
        List<EventCapture.Published> events = sent.events();
        if (events.isEmpty()) {
            return sent.result();
        }
        List<Long> positions = sent.positions().orElseGet(() -> positions(events));
        long[] collections = trace.enabled() ? BatchTrace.collections() : null;
        Map<Class<?>, List<Long>> byType = byType(events, positions);
        boolean processed = readModels.awaitProcessed(byType, properties.readModelWait());
        long done = System.nanoTime();
        lag.record(done - acknowledged);
        if (collections != null) {
            trace.waited(acknowledged, done, positions, processors(byType.keySet()), collections);
        }
        long last = positions.stream().mapToLong(Long::longValue).max().orElse(-1);
        if (!processed) {
            log.warn("Read models had not handled position {} after {}", last, properties.readModelWait());
            throw new ReadModelsBehind(last);
        }
        List<String> deadLettered = deadLettered(events);
        if (!deadLettered.isEmpty()) {
            log.warn("Read models {} dead-lettered events up to position {}", deadLettered, last);
            throw ReadModelsBehind.deadLettered(last, deadLettered);
        }
        return sent.result();
    }

    /** The processors of the read models that handle any of {@code types}. */
    private Set<String> processors(Set<Class<?>> types) {
        Set<String> names = new TreeSet<>();
        types.forEach(type -> readModels.handling(type).forEach(model -> names.add(readModels.processorName(model))));
        return names;
    }

    /** Each payload type with the positions of its events: a read model waits only for the events it handles. */
    private static Map<Class<?>, List<Long>> byType(List<EventCapture.Published> events, List<Long> positions) {
        Map<Class<?>, List<Long>> byType = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byType.computeIfAbsent(events.get(i).payloadType(), t -> new ArrayList<>(2)).add(positions.get(i));
        }
        return byType;
    }

    /**
     * The processing groups that dead-lettered any of the events. A dead-lettered event still moves the processor's
     * position on, so waiting alone would report the write as visible everywhere. Not asked while the queue cannot
     * hold anything ({@link DeadLetterSightings}).
     */
    private List<String> deadLettered(List<EventCapture.Published> events) {
        if (!deadLetters.mayHoldLetters()) {
            return List.of();
        }
        return jdbc.queryForList("""
                SELECT DISTINCT l.processing_group FROM dead_letter_entry l
                  JOIN unnest(?::varchar[], ?::bigint[]) AS e(aggregate_identifier, sequence_number)
                    ON l.aggregate_identifier = e.aggregate_identifier AND l.sequence_number = e.sequence_number
                 ORDER BY 1""", String.class, aggregates(events), sequences(events));
    }

    private static String[] aggregates(List<EventCapture.Published> events) {
        return events.stream().map(EventCapture.Published::aggregateId).toArray(String[]::new);
    }

    private static Long[] sequences(List<EventCapture.Published> events) {
        return events.stream().map(EventCapture.Published::sequence).toArray(Long[]::new);
    }

    /**
     * The global positions the store gave the command's events, each at its event's index, read back from the table:
     * only when the storage engine did not report them as it stored them ({@link EventCapture}).
     */
    private List<Long> positions(List<EventCapture.Published> events) {
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("""
                SELECT d.aggregate_identifier, d.sequence_number, d.global_index FROM domain_event_entry d
                  JOIN unnest(?::varchar[], ?::bigint[]) AS e(aggregate_identifier, sequence_number)
                    ON d.aggregate_identifier = e.aggregate_identifier AND d.sequence_number = e.sequence_number""",
                (RowCallbackHandler) row -> stored.put(row.getString(1) + "/" + row.getLong(2), row.getLong(3)),
                aggregates(events), sequences(events));
        List<Long> positions = new ArrayList<>(events.size());
        for (EventCapture.Published event : events) {
            Long position = stored.get(event.aggregateId() + "/" + event.sequence());
            if (position == null) {
                throw new IllegalStateException("Event " + event + " is not in the store after its command");
            }
            positions.add(position);
        }
        return positions;
    }
}
