package org.carpentries.amy.query.asof;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the stored events of some types as of an instant, in the order the projections saw them (global index),
 * upcast and deserialised as Axon does. "As of T" means every event whose timestamp is at or before T: commits can
 * interleave, so an event with a smaller global index may carry a later timestamp, and the cut is by time, never by
 * position. {@code time_stamp} holds {@code Instant.toString()}, which does not sort as text, so PostgreSQL parses
 * it for a coarse bound and each row is checked exactly here.
 */
@Component
public class StoredEvents {

    /** Folds need payloads only: metadata (who, which request) is left in the table, a third of the bytes. */
    private static final SerializedMetaData<byte[]> NO_METADATA = new SerializedMetaData<>(
            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), byte[].class);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate cursor;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;

    /** Streams rows through a cursor (a fetch size inside a transaction) so a long history never sits in memory. */
    public StoredEvents(DataSource dataSource, PlatformTransactionManager transactions,
                        ObjectProvider<org.axonframework.config.Configuration> axon) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(1_000);
        this.cursor = new TransactionTemplate(transactions);
        cursor.setReadOnly(true);
        this.axon = axon;
    }

    /** One event with its place in the store: the position a tracking projection would have seen it at. */
    public record Stored(long position, DomainEventMessage<?> message) {

        public Object payload() {
            return message.getPayload();
        }
    }

    /**
     * Feeds every event of the given payload classes with a timestamp at or before {@code asOf} to {@code sink},
     * without its metadata.
     */
    public void read(Collection<Class<?>> types, Instant asOf, Consumer<Stored> sink) {
        Serializer serializer = axon.getObject().eventSerializer();
        EventUpcaster upcasters = axon.getObject().upcasterChain();
        String[] names = types.stream().map(Class::getName).toArray(String[]::new);
        // PostgreSQL rounds to microseconds: one more microsecond of bound keeps every event at or before asOf.
        Timestamp bound = Timestamp.from(asOf.truncatedTo(ChronoUnit.MICROS).plus(2, ChronoUnit.MICROS));
        cursor.executeWithoutResult(tx -> jdbc.query("""
                SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                       payload_type, payload_revision, payload
                  FROM domain_event_entry
                 WHERE payload_type = ANY(?) AND time_stamp::timestamptz <= ?
                 ORDER BY global_index""", rs -> {
            Instant at = Instant.parse(rs.getString(6));
            if (at.isAfter(asOf)) {
                return;
            }
            long position = rs.getLong(1);
            Row entry = new Row(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), at,
                    new SimpleSerializedObject<>(rs.getBytes(9), byte[].class, rs.getString(7), rs.getString(8)));
            DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry),
                    serializer, upcasters);
            while (events.hasNext()) {
                sink.accept(new Stored(position, events.next()));
            }
        }, names, bound));
    }

    /** A stored event as Axon's upcasters and serializer read it. */
    private record Row(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                       Instant timestamp, SerializedObject<byte[]> payload) implements DomainEventData<byte[]> {

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return NO_METADATA;
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return payload;
        }
    }
}
