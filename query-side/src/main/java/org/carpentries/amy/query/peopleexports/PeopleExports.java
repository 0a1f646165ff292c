package org.carpentries.amy.query.peopleexports;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carpentries.amy.query.Renders;
import org.carpentries.amy.query.published.DrfCsv;
import org.carpentries.amy.query.published.DrfJson;
import org.carpentries.amy.query.published.ExportCache;
import org.carpentries.amy.query.published.ExportDocument;
import org.carpentries.amy.query.published.ExportFormat;
import org.carpentries.amy.query.published.PyYaml;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Serves the badges, instructors and members exports from their read model, each record as AMY's serializer wrote
 * it, cached per query until that export's position moves. The ETag is a digest of the bytes, so a poll that
 * matches costs one primary-key read and a map look-up.
 */
@Component
public class PeopleExports {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ExportCache<PeopleExportQuery> cache;
    private final Renders renders;

    /** The cache keeps at most {@code amy.export-cache-size} of documents; each render takes a {@link Renders} slot. */
    public PeopleExports(JdbcTemplate jdbc, PlatformTransactionManager transactions, Renders renders,
                         @Value("${amy.export-cache-size:48MB}") DataSize cacheSize) {
        this.jdbc = jdbc;
        this.renders = renders;
        this.cache = new ExportCache<>(cacheSize.toBytes());
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** The export's current position and the time of its last change; -1 and the epoch before any. */
    public State state(PeopleExport export) {
        List<State> s = jdbc.query("SELECT position, changed_at FROM people_export_state WHERE export = ?",
                (rs, i) -> new State(rs.getLong(1), rs.getTimestamp(2).toInstant()), export.key());
        return s.isEmpty() ? new State(-1, Instant.EPOCH) : s.get(0);
    }

    /** A rebuild replaced the tables, perhaps with other content at the same position: render everything anew. */
    public void replaced() {
        cache.clear();
    }

    /**
     * The document for the query, from the cache while its export's position has not moved. Its strong ETag is a
     * digest of its bytes, so equal ETags always mean equal bytes, also across a rebuild.
     */
    public ExportDocument render(PeopleExportQuery query) {
        return cache.get(query, state(query.export()).position(),
                () -> renders.render(() -> snapshot.execute(tx -> build(query))));
    }

    private ExportCache.Rendered build(PeopleExportQuery q) {
        State state = state(q.export());
        List<Map<String, Object>> records = switch (q.export()) {
            case BADGES -> badges();
            case INSTRUCTORS -> instructors(q.mayContact());
            case MEMBERS -> members(q);
        };
        String body = body(q.format(), records);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ExportCache.Rendered(state.position(), ExportDocument.of(bytes, state.changedAt(), q.format().mediaType()));
    }

    /**
     * AMY's {@code ExportBadgesSerializer}: every badge that is not retired, in creation order, with the current
     * awards of people who are not archived in the order they were given ({@code AwardPersonSerializer}).
     */
    private List<Map<String, Object>> badges() {
        Map<UUID, List<Map<String, Object>>> holders = new LinkedHashMap<>();
        List<Map<String, Object>> records = new ArrayList<>();
        jdbc.query("SELECT id, name FROM people_export_badge WHERE NOT retired ORDER BY created_seq", rs -> {
            List<Map<String, Object>> persons = new ArrayList<>();
            holders.put(rs.getObject(1, UUID.class), persons);
            records.add(badge(rs.getString(2), persons));
        });
        jdbc.query("""
                SELECT a.badge_id, p.personal, p.middle, p.family, p.username, a.awarded
                  FROM people_export_award a JOIN people_export_person p ON p.id = a.person_id
                 WHERE NOT p.archived ORDER BY a.awarded_seq""", rs -> {
            List<Map<String, Object>> persons = holders.get(rs.getObject(1, UUID.class));
            if (persons == null) {
                return;
            }
            persons.add(holder(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getDate(6).toLocalDate()));
        });
        return records;
    }

    /**
     * AMY v1.11.4's {@code ExportInstructorLocationsSerializer}: airports where at least one person who is not
     * archived holds an instructor badge (and, when asked, may or may not be contacted), in the order the airports
     * were registered, each with those people in the order they were registered.
     */
    private List<Map<String, Object>> instructors(Boolean mayContact) {
        List<Map<String, Object>> airports = new ArrayList<>();
        Map<UUID, List<Map<String, Object>>> instructors = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>();
        args.add(PeopleExportsProjection.INSTRUCTOR_BADGES);
        String filter = "";
        if (mayContact != null) {
            filter = " AND p.may_contact = ?";
            args.add(mayContact);
        }
        jdbc.query("""
                SELECT ap.id, ap.fullname, ap.latitude, ap.longitude, ap.country, p.personal, p.middle, p.family,
                       p.username
                  FROM people_export_person p JOIN people_export_airport ap ON ap.id = p.airport_id
                 WHERE NOT p.archived AND NOT p.erased AND EXISTS (
                       SELECT 1 FROM people_export_award a JOIN people_export_badge b ON b.id = a.badge_id
                        WHERE a.person_id = p.id AND b.name = ANY(?))""" + filter
                + " ORDER BY ap.created_seq, p.created_seq", rs -> {
            List<Map<String, Object>> people = instructors.get(rs.getObject(1, UUID.class));
            if (people == null) {
                people = new ArrayList<>();
                instructors.put(rs.getObject(1, UUID.class), people);
                airports.add(airport(rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5), people));
            }
            people.add(instructor(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
        }, args.toArray());
        return airports;
    }

    /**
     * AMY's {@code get_members}: holders of the {@code member} badge, and holders of an instructor badge who had an
     * {@code instructor} task at a workshop (not archived) starting within the window; people who are not archived,
     * in the order they were registered. An erased person's email is null.
     */
    private List<Map<String, Object>> members(PeopleExportQuery q) {
        return jdbc.query("""
                SELECT p.personal, p.middle, p.family, p.email, p.username FROM people_export_person p
                 WHERE NOT p.archived AND (
                       EXISTS (SELECT 1 FROM people_export_award a JOIN people_export_badge b ON b.id = a.badge_id
                                WHERE a.person_id = p.id AND b.name = ?)
                    OR (EXISTS (SELECT 1 FROM people_export_award a JOIN people_export_badge b ON b.id = a.badge_id
                                 WHERE a.person_id = p.id AND b.name = ANY(?))
                        AND EXISTS (SELECT 1 FROM people_export_task t
                                      JOIN people_export_role r ON r.id = t.role_id
                                      JOIN people_export_workshop w ON w.id = t.workshop_id
                                     WHERE t.person_id = p.id AND r.name = ? AND NOT w.archived
                                       AND w.start_date BETWEEN ? AND ?)))
                 ORDER BY p.created_seq""", (rs, i) -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("name", FullName.of(rs.getString(1), rs.getString(2), rs.getString(3)));
            member.put("email", rs.getString(4));
            member.put("username", rs.getString(5));
            return member;
        }, PeopleExportsProjection.MEMBER_BADGE, PeopleExportsProjection.INSTRUCTOR_BADGES,
                PeopleExportsProjection.INSTRUCTOR_ROLE, Date.valueOf(q.earliest()), Date.valueOf(q.latest()));
    }

    /** An export's records as a document: the live export's and an export as of an earlier instant alike. */
    public static String body(ExportFormat format, List<Map<String, Object>> records) {
        return switch (format) {
            case JSON -> DrfJson.write(records);
            case YAML -> PyYaml.dump(records);
            case CSV -> DrfCsv.write(records);
        };
    }

    /** One badge of the badges export, with its holders in award order. */
    public static Map<String, Object> badge(String name, List<Map<String, Object>> persons) {
        Map<String, Object> badge = new LinkedHashMap<>();
        badge.put("name", name);
        badge.put("persons", persons);
        return badge;
    }

    /** One holder of a badge. */
    public static Map<String, Object> holder(String personal, String middle, String family, String username,
                                             LocalDate awarded) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", FullName.of(personal, middle, family));
        person.put("user", username);
        // AMY's serializer gave the date as a string, so YAML quotes it.
        person.put("awarded", awarded.toString());
        return person;
    }

    /** One airport of the instructors export, with its instructors in registration order. */
    public static Map<String, Object> airport(String fullname, double latitude, double longitude, String country,
                                              List<Map<String, Object>> instructors) {
        Map<String, Object> airport = new LinkedHashMap<>();
        airport.put("name", fullname);
        airport.put("latitude", latitude);
        airport.put("longitude", longitude);
        airport.put("instructors", instructors);
        airport.put("country", country);
        return airport;
    }

    /** One instructor at an airport. */
    public static Map<String, Object> instructor(String personal, String middle, String family, String username) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", FullName.of(personal, middle, family));
        person.put("user", username);
        return person;
    }

    /** One export's position and the time of its last change. */
    public record State(long position, Instant changedAt) {
    }
}
