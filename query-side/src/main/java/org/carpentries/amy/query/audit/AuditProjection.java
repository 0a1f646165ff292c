package org.carpentries.amy.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.carpentries.amy.command.Metadata;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.query.history.HistoryEntry;
import org.carpentries.amy.query.history.RecordState;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.carpentries.amy.query.replay.TransactionBatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the audit log: one {@code audit_entry} per domain event, and each record's current fields in
 * {@code audit_record} (folded by {@link RecordState}, as per-record history does) to know the old values. The
 * events of one transaction (a processor batch, or a rebuild's) are collected and written with two JDBC batches just
 * before it commits. An event at or below its record's last position was applied already and changes nothing.
 */
@Component
@ProcessingGroup(AuditProjection.NAME)
public class AuditProjection implements ReadModel {

    public static final String NAME = "audit";
    /** How a personal value is kept: still sealed, opened only when read (so an erased person reads as erased). */
    static final String SEALED = "sealed:";
    private final JdbcTemplate jdbc;
    private final Tables tables;
    private final String batchKey;
    private final String insertEntry;
    private final String upsertRecord;
    private final String selectRecords;

    @Autowired
    public AuditProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    AuditProjection(JdbcTemplate jdbc, Tables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.batchKey = AuditProjection.class.getName() + "/" + tables;
        insertEntry = tables.sql("""
                INSERT INTO {audit_entry} (position, occurred_at, actor, actor_name, record_type, record_id,
                    record_label, event_type, summary, changes, request_id, correlation_id, causation_id, reason,
                    restored_as_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) ON CONFLICT (position) DO NOTHING""");
        upsertRecord = tables.sql("""
                INSERT INTO {audit_record} (id, record_type, position, fields) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET position = excluded.position, fields = excluded.fields
                WHERE {audit_record}.position < excluded.position""");
        selectRecords = tables.sql("SELECT id, record_type, position, fields::text FROM {audit_record} WHERE id = ANY(?)");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("audit_entry", "audit_record");
    }

    /** Entries are only ever added (by position, the key); records are read and updated. */
    @Override
    public List<String> insertOnlyTables() {
        return List.of("audit_entry");
    }

    @Override
    public Object writingTo(Tables t) {
        return new AuditProjection(jdbc, t);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        Optional<String> recordType = AuditedEvents.recordTypeOf(payload.getClass());
        if (!(message instanceof DomainEventMessage<?> event) || recordType.isEmpty()) {
            return;
        }
        long position = token.position().orElseThrow(() -> new IllegalStateException("No position: " + token));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Batch batch = new Batch(List.of(event));
            batch.add(event, recordType.get(), position);
            batch.flush();
            return;
        }
        batch(event).add(event, recordType.get(), position);
    }

    /**
     * The batch of the current transaction: a processor's batch of events live, or a rebuild's. Bound to the
     * transaction rather than to Axon's unit of work, since a rebuild handles each event in a unit of its own.
     */
    private Batch batch(EventMessage<?> event) {
        // A processor's batch names its events up front: their records are read with one query.
        return TransactionBatch.current(batchKey, () -> new Batch(CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(event)), Batch::flush);
    }

    @ResetHandler
    void reset() {
        jdbc.update(tables.sql("TRUNCATE {audit_entry}, {audit_record}"));
    }

    static boolean sealed(Object value) {
        return value instanceof String s && s.startsWith(SEALED);
    }

    /** A record's name at the time: its slug, name, domain, IATA code, or a person's names. */
    static String label(Map<String, ?> fields) {
        for (String key : List.of("slug", "name", "domain", "iata")) {
            if (fields.get(key) != null) {
                return fields.get(key).toString();
            }
        }
        if (fields.get("family") != null || fields.get("personal") != null) {
            StringBuilder name = new StringBuilder();
            for (String key : List.of("personal", "middle", "family")) {
                Object part = fields.get(key);
                if (part != null && !part.toString().isBlank()) {
                    name.append(name.isEmpty() ? "" : " ").append(part);
                }
            }
            return name.toString();
        }
        return null;
    }

    /** A record as the log knows it after its last applied event. */
    private static final class Known {
        final String type;
        long position;
        Map<String, Object> fields;

        Known(String type, long position, Map<String, Object> fields) {
            this.type = type;
            this.position = position;
            this.fields = fields;
        }
    }

    /** One processor batch: the records it touches (read once), the entries it adds, written at commit. */
    private final class Batch {
        private final Map<UUID, Known> records = new HashMap<>();
        private final Set<UUID> looked = new HashSet<>();
        private final Set<UUID> changed = new LinkedHashSet<>();
        private final List<Object[]> entries = new ArrayList<>();

        Batch(Collection<?> messages) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (Object m : messages) {
                if (m instanceof DomainEventMessage<?> d) {
                    ids.add(UUID.fromString(d.getAggregateIdentifier()));
                    ids.addAll(NamedIds.in(d.getPayload()));
                }
            }
            load(ids);
        }

        private void load(Collection<UUID> ids) {
            List<UUID> missing = ids.stream().filter(looked::add).toList();
            if (missing.isEmpty()) {
                return;
            }
            jdbc.query(selectRecords, rs -> {
                records.put(rs.getObject(1, UUID.class), new Known(rs.getString(2), rs.getLong(3),
                        AuditJson.readFields(rs.getString(4))));
            }, (Object) missing.toArray(UUID[]::new));
        }

        private Optional<Known> known(UUID id) {
            load(List.of(id));
            return Optional.ofNullable(records.get(id));
        }

        void add(DomainEventMessage<?> event, String recordType, long position) {
            UUID id = UUID.fromString(event.getAggregateIdentifier());
            Known record = known(id).orElseGet(() -> new Known(recordType, -1, new TreeMap<>()));
            records.putIfAbsent(id, record);
            if (position <= record.position) {
                return;
            }
            RecordState state = new RecordState(this::labelOf, AuditProjection::keptSealed, record.fields);
            List<HistoryEntry.FieldChange> changes = state.apply(event.getPayload());
            record.fields = AuditJson.normalisedAfter(record.fields, state.fields());
            record.position = position;
            changed.add(id);
            String label = label(record.fields);
            MetaData meta = event.getMetaData();
            entries.add(new Object[] {position, Timestamp.from(event.getTimestamp()), text(meta, Metadata.ACTOR),
                    text(meta, Metadata.ACTOR_NAME), recordType, id, label, event.getPayloadType().getSimpleName(),
                    AuditedEvents.summary(event.getPayloadType(), recordType, label, changes),
                    AuditJson.writeChanges(changes), text(meta, Metadata.REQUEST_ID),
                    text(meta, Metadata.CORRELATION_ID), text(meta, Metadata.CAUSATION_ID),
                    text(meta, Metadata.REASON), restoredAsOf(meta)});
        }

        private String labelOf(UUID id) {
            return known(id).map(k -> label(k.fields)).orElse(id.toString());
        }

        void flush() {
            if (entries.isEmpty()) {
                return;
            }
            List<Object[]> rows = new ArrayList<>(changed.size());
            for (UUID id : changed) {
                Known k = records.get(id);
                rows.add(new Object[] {id, k.type, k.position, AuditJson.writeFields(k.fields)});
            }
            jdbc.batchUpdate(upsertRecord, rows);
            jdbc.batchUpdate(insertEntry, entries);
            entries.clear();
            changed.clear();
        }
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }

    /**
     * The instant a restore recorded this event for, as a timestamp; null for every other event. Cut to the
     * microsecond here, since PostgreSQL would round the nanoseconds instead.
     */
    private static Timestamp restoredAsOf(MetaData meta) {
        String value = text(meta, Metadata.RESTORED_AS_OF);
        return value == null ? null
                : Timestamp.from(java.time.Instant.parse(value).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    private static String keptSealed(Sealed sealed) {
        return SEALED + sealed.value();
    }
}
