package org.carpentries.amy.query.instructors;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.carpentries.amy.query.persons.FindPersons;
import org.carpentries.amy.query.reports.Reports;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds instructors as AMY's "find instructors" page did: people with an instructor badge and an airport, ordered by
 * squared latitude/longitude distance from a point then family name, or by family name for a country search.
 * Archived people are left out; erased people have no airport (nor gender), so they never match.
 */
@Component
public class InstructorQueries {

    private static final String SELECT = """
            SELECT p.id, p.personal, p.middle, p.family, p.username, ap.iata, ap.country, %s AS distance,
                   ARRAY(SELECT l.name FROM person_lesson_view pl JOIN lesson_view l ON l.id = pl.lesson_id
                          WHERE pl.person_id = p.id ORDER BY l.name) AS lessons,
                   ARRAY(SELECT b.name FROM person_award_view a JOIN badge_view b ON b.id = a.badge_id
                          WHERE a.person_id = p.id ORDER BY b.name) AS badges,
                   %s AS num_taught
            """;
    private final JdbcTemplate jdbc;

    public InstructorQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public InstructorPage find(FindInstructors q) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        where.add("NOT p.archived");
        where.add("EXISTS (SELECT 1 FROM person_award_view a JOIN badge_view b ON b.id = a.badge_id "
                + "WHERE a.person_id = p.id AND b.name = ANY(?))");
        args.add(FindPersons.INSTRUCTOR_BADGES.toArray(String[]::new));
        if (!q.near()) {
            where.add("ap.country = ANY(?)");
            args.add(q.countries().toArray(String[]::new));
        }
        if (q.gender() != null) {
            where.add("p.gender = ?");
            args.add(q.gender());
        }
        for (UUID lesson : q.lessonIds()) {
            where.add("EXISTS (SELECT 1 FROM person_lesson_view pl WHERE pl.person_id = p.id AND pl.lesson_id = ?)");
            args.add(lesson);
        }
        for (UUID badge : q.badgeIds()) {
            where.add("EXISTS (SELECT 1 FROM person_award_view a WHERE a.person_id = p.id AND a.badge_id = ?)");
            args.add(badge);
        }
        String from = " FROM person_view p JOIN airport_view ap ON ap.id = p.airport_id WHERE "
                + String.join(" AND ", where);
        Long count = jdbc.queryForObject("SELECT count(*)" + from, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>();
        String distance = "NULL::double precision";
        if (q.near()) {
            distance = "(ap.latitude - ?) ^ 2 + (ap.longitude - ?) ^ 2";
            pageArgs.add(q.latitude());
            pageArgs.add(q.longitude());
        }
        pageArgs.addAll(args);
        pageArgs.add(q.pageSize());
        pageArgs.add((long) (q.page() - 1) * q.pageSize());
        String order = (q.near() ? " ORDER BY distance, " : " ORDER BY ") + "lower(p.family), lower(p.personal), p.id";
        List<InstructorMatch> rows = jdbc.query(SELECT.formatted(distance, Reports.NUM_TAUGHT) + from + order
                + " LIMIT ? OFFSET ?", InstructorQueries::row, pageArgs.toArray());
        return new InstructorPage(count == null ? 0 : count, q.page(), q.pageSize(), rows);
    }

    private static InstructorMatch row(ResultSet rs, int i) throws SQLException {
        String middle = rs.getString("middle");
        return new InstructorMatch(rs.getObject("id", UUID.class), rs.getString("personal")
                + (middle == null ? "" : " " + middle) + " " + rs.getString("family"), rs.getString("username"),
                rs.getString("iata"), rs.getString("country"), rs.getObject("distance", Double.class),
                names(rs.getArray("lessons")), names(rs.getArray("badges")), rs.getLong("num_taught"));
    }

    private static List<String> names(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
