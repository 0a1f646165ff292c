package org.carpentries.amy.query.history;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the history of any workshop, tag or organisation from the event store. */
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
            MetaData meta = event.getMetaData();
            entries.add(new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(), text(meta, Metadata.ACTOR), text(meta, Metadata.ACTOR_NAME),
                    text(meta, Metadata.REQUEST_ID), text(meta, Metadata.CORRELATION_ID),
                    text(meta, Metadata.CAUSATION_ID), text(meta, Metadata.REASON),
                    state.apply(event.getPayload())));
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
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
