package org.carpentries.amy.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.query.References;
import org.carpentries.amy.query.history.RecordState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log a page at a time, by position (keyset: no offsets, no gaps or repeats while new events
 * arrive). Personal values are opened here, at read time, so a person erased since reads as erased.
 */
@Component
public class AuditQueries {

    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public AuditQueries(JdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /**
     * Up to {@code limit} entries matching {@code filter}, newest or oldest first, after position {@code after}
     * (exclusive, in the order asked; null: from the start).
     */
    public AuditPage page(AuditFilter filter, boolean newestFirst, Long after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT position, occurred_at, actor, actor_name, record_type, record_id, record_label, event_type,
                       summary, changes::text AS changes, request_id, correlation_id, causation_id, reason
                  FROM audit_entry WHERE TRUE""");
        List<Object> args = new ArrayList<>();
        condition(sql, args, " AND occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, args, " AND occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        if (filter.actor() != null) {
            sql.append(" AND (actor = ? OR actor_name = ?)");
            args.add(filter.actor());
            args.add(filter.actor());
        }
        condition(sql, args, " AND record_type = ?", filter.recordType());
        condition(sql, args, " AND record_id = ?", filter.recordId());
        condition(sql, args, " AND event_type = ?", filter.eventType());
        condition(sql, args, " AND request_id = ?", filter.requestId());
        condition(sql, args, newestFirst ? " AND position < ?" : " AND position > ?", after);
        sql.append(newestFirst ? " ORDER BY position DESC" : " ORDER BY position").append(" LIMIT ?");
        args.add(limit + 1);
        List<AuditEntry> entries = new ArrayList<>(jdbc.query(sql.toString(), new Opener()::row, args.toArray()));
        Long next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            next = entries.get(limit - 1).position();
        }
        return new AuditPage(List.copyOf(entries), next);
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    /** Maps rows, opening each person's sealed values with one look-up of their key per page. */
    private final class Opener {
        private final Map<UUID, Function<Sealed, Optional<String>>> readers = new HashMap<>();
        private final Map<UUID, String> airports = new HashMap<>();

        AuditEntry row(ResultSet rs, int i) throws SQLException {
            UUID recordId = rs.getObject("record_id", UUID.class);
            List<AuditEntry.Change> changes = new ArrayList<>();
            for (Map<String, Object> c : AuditJson.readChanges(rs.getString("changes"))) {
                String field = (String) c.get("field");
                changes.add(new AuditEntry.Change(field, open(recordId, field, c.get("old")),
                        open(recordId, field, c.get("new"))));
            }
            return new AuditEntry(rs.getLong("position"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("actor"), rs.getString("actor_name"), new AuditEntry.Record(
                    rs.getString("record_type"), recordId, rs.getString("record_label")), rs.getString("event_type"),
                    rs.getString("summary"), List.copyOf(changes), rs.getString("request_id"),
                    rs.getString("correlation_id"), rs.getString("causation_id"), rs.getString("reason"));
        }

        private Object open(UUID personId, String field, Object value) {
            if (!AuditProjection.sealed(value)) {
                return value;
            }
            Sealed sealed = new Sealed(((String) value).substring(AuditProjection.SEALED.length()));
            String opened = readers.computeIfAbsent(personId, vault::reader).apply(sealed).orElse(RecordState.ERASED);
            // A person's airport is sealed as its id; shown by code, as history shows it.
            return field.equals("airport") ? References.id(opened).map(this::airport).orElse(opened) : opened;
        }

        private String airport(UUID id) {
            return airports.computeIfAbsent(id, a -> jdbc.queryForList(
                    "SELECT fields::text FROM audit_record WHERE id = ?", String.class, a).stream()
                    .map(f -> AuditProjection.label(AuditJson.readFields(f))).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(a.toString()));
        }
    }
}
