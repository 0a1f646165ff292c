package org.carpentries.amy.api.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carpentries.amy.api.store.EventCapture;
import org.carpentries.amy.query.replay.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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

    public Writes(CommandGateway commands, ReadModels readModels, AmyProperties properties, JdbcTemplate jdbc,
                  ReadModelLag lag) {
        this.jdbc = jdbc;
        this.lag = lag;
        this.commands = commands;
        this.readModels = readModels;
        this.properties = properties;
    }

    public <R> R send(Object command) {
        EventCapture.Captured<R> sent = EventCapture.during(() -> commands.sendAndWait(command));
        long acknowledged = System.nanoTime();
        List<Long> positions = sent.positions().orElseGet(() -> positions(sent.events()));
        if (positions.isEmpty()) {
            return sent.result();
        }
        boolean processed = readModels.awaitProcessed(positions, payloadTypes(sent.events()),
                properties.readModelWait());
        lag.record(System.nanoTime() - acknowledged);
        if (!processed) {
            long last = positions.get(positions.size() - 1);
            log.warn("Read models had not handled position {} after {}", last, properties.readModelWait());
            throw new ReadModelsBehind(last);
        }
        List<String> deadLettered = deadLettered(sent.events());
        if (!deadLettered.isEmpty()) {
            long last = positions.get(positions.size() - 1);
            log.warn("Read models {} dead-lettered events up to position {}", deadLettered, last);
            throw ReadModelsBehind.deadLettered(last, deadLettered);
        }
        return sent.result();
    }

    /**
     * The processing groups that dead-lettered any of the events. A dead-lettered event still moves the processor's
     * position on, so waiting alone would report the write as visible everywhere.
     */
    private List<String> deadLettered(List<EventCapture.Published> events) {
        return jdbc.queryForList("""
                SELECT DISTINCT l.processing_group FROM dead_letter_entry l
                  JOIN unnest(?::varchar[], ?::bigint[]) AS e(aggregate_identifier, sequence_number)
                    ON l.aggregate_identifier = e.aggregate_identifier AND l.sequence_number = e.sequence_number
                 ORDER BY 1""", String.class, aggregates(events), sequences(events));
    }

    private static Set<Class<?>> payloadTypes(List<EventCapture.Published> events) {
        Set<Class<?>> types = new HashSet<>();
        events.forEach(e -> types.add(e.payloadType()));
        return types;
    }

    private static String[] aggregates(List<EventCapture.Published> events) {
        return events.stream().map(EventCapture.Published::aggregateId).toArray(String[]::new);
    }

    private static Long[] sequences(List<EventCapture.Published> events) {
        return events.stream().map(EventCapture.Published::sequence).toArray(Long[]::new);
    }

    /**
     * The global positions the store gave the command's events, read back from the table: only when the storage
     * engine did not report them as it stored them ({@link EventCapture}).
     */
    private List<Long> positions(List<EventCapture.Published> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("""
                SELECT d.global_index FROM domain_event_entry d
                  JOIN unnest(?::varchar[], ?::bigint[]) AS e(aggregate_identifier, sequence_number)
                    ON d.aggregate_identifier = e.aggregate_identifier AND d.sequence_number = e.sequence_number
                 ORDER BY d.global_index""", Long.class, aggregates(events), sequences(events));
    }
}
