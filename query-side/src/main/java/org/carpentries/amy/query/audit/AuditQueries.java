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
 * Reads the audit log a page at a time, by keyset: no offsets, and no repeats while new events arrive. Personal
 * values are opened here, at read time, so a person erased since reads as erased.
 */
@Component
public class AuditQueries {

    private static final String SELECT = """
            SELECT position, occurred_at, actor, actor_name, record_type, record_id, record_label, event_type,
                   summary, changes::text AS changes, request_id, correlation_id, causation_id, reason, restored_as_of
              FROM audit_entry""";
    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public AuditQueries(JdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /**
     * Up to {@code limit} entries matching {@code filter}, newest or oldest first (by time, then position), after
     * {@code after} in that order (null: from the start). Each query is one ordered index range scan: an actor,
     * matched by id or by name, is two such scans merged.
     */
    public AuditPage page(AuditFilter filter, boolean newestFirst, AuditCursor after, int limit) {
        String order = newestFirst ? " ORDER BY occurred_at DESC, position DESC" : " ORDER BY occurred_at, position";
        List<Object> args = new ArrayList<>();
        String sql;
        if (filter.actor() == null) {
            sql = SELECT + where(filter, newestFirst, after, "TRUE", List.of(), args) + order + " LIMIT ?";
            args.add(limit + 1);
        } else {
            // An id and a name are different columns: each keeps its own ordered index, and an entry whose id
            // equals its name is taken from the first only.
            String byId = SELECT + where(filter, newestFirst, after, "actor = ?", List.of(filter.actor()), args)
                    + order + " LIMIT ?";
            args.add(limit + 1);
            String byName = SELECT + where(filter, newestFirst, after, "actor_name = ? AND actor IS DISTINCT FROM ?",
                    List.of(filter.actor(), filter.actor()), args) + order + " LIMIT ?";
            args.add(limit + 1);
            sql = "SELECT * FROM ((" + byId + ") UNION ALL (" + byName + ")) x" + order + " LIMIT ?";
            args.add(limit + 1);
        }
        List<AuditEntry> entries = new ArrayList<>(jdbc.query(sql, new Opener()::row, args.toArray()));
        AuditCursor next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            AuditEntry last = entries.get(limit - 1);
            next = new AuditCursor(last.time(), last.position());
        }
        return new AuditPage(List.copyOf(entries), next);
    }

    private static String where(AuditFilter filter, boolean newestFirst, AuditCursor after, String actor,
                                List<Object> actorArgs, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(actor);
        args.addAll(actorArgs);
        condition(sql, args, " AND occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, args, " AND occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        condition(sql, args, " AND record_type = ?", filter.recordType());
        condition(sql, args, " AND record_id = ?", filter.recordId());
        condition(sql, args, " AND event_type = ?", filter.eventType());
        condition(sql, args, " AND request_id = ?", filter.requestId());
        if (after != null) {
            sql.append(newestFirst ? " AND (occurred_at, position) < (?, ?)" : " AND (occurred_at, position) > (?, ?)");
            args.add(Timestamp.from(after.time()));
            args.add(after.position());
        }
        return sql.toString();
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
                    rs.getString("correlation_id"), rs.getString("causation_id"), rs.getString("reason"),
                    instant(rs.getTimestamp("restored_as_of")));
        }

        private static java.time.Instant instant(Timestamp t) {
            return t == null ? null : t.toInstant();
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
