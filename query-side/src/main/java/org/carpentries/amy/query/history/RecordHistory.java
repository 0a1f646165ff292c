package org.carpentries.amy.query.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.carpentries.amy.command.Metadata;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the history of any record, or of one award or task, from the event store. */
@Component
public class RecordHistory {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public RecordHistory(EventStore eventStore, JdbcTemplate jdbc, PersonalDataVault vault) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** Every event of the record, oldest first; empty when the record has none. */
    public Optional<List<HistoryEntry>> of(UUID recordId) {
        Map<UUID, String> labels = new HashMap<>();
        RecordState state = new RecordState(id -> labels.computeIfAbsent(id, this::label),
                unsealer(recordId));
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(recordId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            entries.add(entry(event, state.apply(event.getPayload())));
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
    }

    /**
     * The record's fields (as its history shows them) at each of the {@code instants}, given oldest first: every
     * event with a timestamp at or before the instant applied; null where the record had no event yet.
     */
    public List<Map<String, Object>> fieldsAt(UUID recordId, List<Instant> instants) {
        Map<UUID, String> labels = new HashMap<>();
        RecordState state = new RecordState(id -> labels.computeIfAbsent(id, this::label), unsealer(recordId));
        List<Map<String, Object>> states = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(recordId.toString());
        DomainEventMessage<?> next = stream.hasNext() ? stream.next() : null;
        boolean any = false;
        for (Instant at : instants) {
            while (next != null && !next.getTimestamp().isAfter(at)) {
                state.apply(next.getPayload());
                any = true;
                next = stream.hasNext() ? stream.next() : null;
            }
            states.add(any ? new java.util.LinkedHashMap<>(state.fields()) : null);
        }
        return states;
    }

    /**
     * The events of one award (a person's badge): awarded, revoked, awarded again, moved by a merge, with the
     * award's date, workshop and awarding person before and after.
     */
    public List<HistoryEntry> award(UUID personId, UUID badgeId) {
        Object[] held = {null};
        return select(personId, payload -> {
            if (payload instanceof BadgeAwarded a && a.badgeId().equals(badgeId)) {
                Object[] before = held[0] == null ? new Object[3] : (Object[]) held[0];
                Object[] after = {a.awarded(), a.workshopId(), a.awardedBy()};
                held[0] = after;
                return changes(List.of("held", "awarded", "workshop", "awarded_by"),
                        new Object[] {before[0] != null, before[0], before[1], before[2]},
                        new Object[] {true, after[0], after[1], after[2]});
            }
            if (payload instanceof AwardRevoked r && r.badgeId().equals(badgeId) && held[0] != null) {
                Object[] before = (Object[]) held[0];
                held[0] = null;
                return changes(List.of("held", "awarded", "workshop", "awarded_by"),
                        new Object[] {true, before[0], before[1], before[2]}, new Object[] {false, null, null, null});
            }
            return null;
        });
    }

    /** The events of one task (a person's role at a workshop): added, removed, added again, moved by a merge. */
    public List<HistoryEntry> task(UUID workshopId, UUID personId, UUID roleId) {
        boolean[] held = {false};
        return select(workshopId, payload -> {
            boolean added = payload instanceof TaskAdded a && a.personId().equals(personId)
                    && a.roleId().equals(roleId);
            boolean removed = payload instanceof TaskRemoved r && r.personId().equals(personId)
                    && r.roleId().equals(roleId);
            if (!added && !removed) {
                return null;
            }
            boolean before = held[0];
            held[0] = added;
            return changes(List.of("held"), new Object[] {before}, new Object[] {added});
        });
    }

    private static List<HistoryEntry.FieldChange> changes(List<String> fields, Object[] before, Object[] after) {
        List<HistoryEntry.FieldChange> changes = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!java.util.Objects.equals(before[i], after[i])) {
                changes.add(new HistoryEntry.FieldChange(fields.get(i), before[i], after[i]));
            }
        }
        return changes;
    }

    /** The events of a record that {@code about} answers changes for (null: not about it), oldest first. */
    private List<HistoryEntry> select(UUID recordId,
                                      java.util.function.Function<Object, List<HistoryEntry.FieldChange>> about) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(recordId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            List<HistoryEntry.FieldChange> changes = about.apply(event.getPayload());
            if (changes != null) {
                entries.add(entry(event, changes));
            }
        }
        return entries;
    }

    private static HistoryEntry entry(DomainEventMessage<?> event, List<HistoryEntry.FieldChange> changes) {
        MetaData meta = event.getMetaData();
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), text(meta, Metadata.ACTOR), text(meta, Metadata.ACTOR_NAME),
                text(meta, Metadata.REQUEST_ID), text(meta, Metadata.CORRELATION_ID),
                text(meta, Metadata.CAUSATION_ID), text(meta, Metadata.REASON), text(meta, Metadata.RESTORED_AS_OF),
                changes);
    }

    /** Reads the record's sealed values with one look-up of its key; none for records that are not people. */
    private java.util.function.Function<org.carpentries.amy.command.person.events.Sealed, String> unsealer(
            UUID recordId) {
        var read = vault.reader(recordId);
        return sealed -> read.apply(sealed).orElse(RecordState.ERASED);
    }

    /** A referenced tag or organisation by its name, or its id when the read model does not know it (yet). */
    private String label(UUID id) {
        List<String> names = jdbc.queryForList("""
                SELECT name FROM tag_view WHERE id = ?
                UNION ALL SELECT domain FROM organisation_view WHERE id = ?
                UNION ALL SELECT label FROM lookup_reference WHERE id = ?""", String.class, id, id, id);
        return names.isEmpty() ? id.toString() : names.get(0);
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
