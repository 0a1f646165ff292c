package org.carpentries.amy.query.reports;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carpentries.amy.query.persons.FindPersons;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * AMY's reports over the workshops and persons read models. Each call reads "today" from the clock, so the cut-off
 * of past workshops moves with the date (AMY fixed it when the module loaded). Tags, roles and the self-organised
 * organisation are matched by name: if one does not exist, what depends on it counts zero.
 */
@Component
public class Reports {

    private static final String[] INSTRUCTOR_BADGES = FindPersons.INSTRUCTOR_BADGES.toArray(String[]::new);
    private static final String SELF_ORGANIZED = "self-organized";
    private static final String PAST = " NOT w.archived AND w.start_date < ? AND (w.end_date < ? OR w.end_date IS "
            + "NULL)";
    private static final String IS_INSTRUCTOR = "EXISTS (SELECT 1 FROM person_award_view a JOIN badge_view b "
            + "ON b.id = a.badge_id WHERE a.person_id = p.id AND b.name = ANY(?))";
    /** A person {@code p}'s instructor tasks at live workshops, as an SQL expression. */
    public static final String NUM_TAUGHT = """
            (SELECT count(*) FROM workshop_task_view nt JOIN role_view nr ON nr.id = nt.role_id
               JOIN workshop_view nw ON nw.id = nt.workshop_id
              WHERE nt.person_id = p.id AND nr.name = 'instructor' AND NOT nw.archived)
            """;
    private static final String TAGGED = "EXISTS (SELECT 1 FROM workshop_tag_view wt JOIN tag_view tg ON "
            + "tg.id = wt.tag_id WHERE wt.workshop_id = w.id AND tg.name = ANY(?))";
    private static final String INSTRUCTOR_TASKS = """
            FROM workshop_task_view t JOIN role_view r ON r.id = t.role_id AND r.name = 'instructor'
            JOIN person_view p ON p.id = t.person_id AND NOT p.archived
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public Reports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Today in the configured zone, read at each call. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** One row per past workshop, by start, with the running count (dates repeat when workshops share a start). */
    public List<DatedCount> workshopsOverTime() {
        return cumulative("count(*)");
    }

    /** As {@link #workshopsOverTime()}, summing attendance (none counts as 0). */
    public List<DatedCount> learnersOverTime() {
        return cumulative("sum(coalesce(w.attendance, 0))");
    }

    private List<DatedCount> cumulative(String measure) {
        Date today = Date.valueOf(today());
        return jdbc.query("SELECT w.start_date, " + measure + " OVER (ORDER BY w.start_date, w.created_seq ROWS "
                + "UNBOUNDED PRECEDING) FROM workshop_view w WHERE" + PAST + " ORDER BY w.start_date, w.created_seq",
                Reports::datedCount, today, today);
    }

    /**
     * The number of instructors by the date they first got an instructor badge, one row per date. A person with both
     * instructor badges counts once, at the earlier award.
     */
    public List<DatedCount> instructorsOverTime() {
        return jdbc.query("""
                SELECT first_award, sum(count(*)) OVER (ORDER BY first_award)
                  FROM (SELECT min(a.awarded) AS first_award FROM person_award_view a
                          JOIN badge_view b ON b.id = a.badge_id JOIN person_view p ON p.id = a.person_id
                         WHERE b.name = ANY(?) AND NOT p.archived GROUP BY a.person_id) firsts
                 GROUP BY first_award ORDER BY first_award""", Reports::datedCount, (Object) INSTRUCTOR_BADGES);
    }

    /**
     * Contactable people with an instructor badge, each once (AMY listed holders of both badges twice, bug #787), with
     * their instructor tasks at live workshops; most first, then by family and personal name.
     */
    public List<InstructorTaught> instructorNumTaught() {
        return jdbc.query("SELECT p.id, p.personal, p.middle, p.family, " + NUM_TAUGHT + " AS num_taught "
                + "FROM person_view p WHERE NOT p.archived AND p.may_contact AND " + IS_INSTRUCTOR
                + " ORDER BY num_taught DESC, lower(p.family), lower(p.personal), p.id",
                (rs, i) -> new InstructorTaught(rs.getObject(1, UUID.class), name(rs, 2), rs.getLong(5)),
                (Object) INSTRUCTOR_BADGES);
    }

    /** Workshops starting in [start, end], counted as AMY's all-activity report did. */
    public AllActivity allActivity(LocalDate start, LocalDate end) {
        Date from = Date.valueOf(start);
        Date to = Date.valueOf(end);
        String inRange = " FROM workshop_view w WHERE NOT w.archived AND w.start_date BETWEEN ? AND ?";
        String[] swc = {"SWC"};
        String[] dc = {"DC"};
        long selfOrganized = count("SELECT count(*)" + inRange + " AND EXISTS (SELECT 1 FROM organisation_view o "
                + "WHERE o.id = w.administrator_id AND o.domain = ?)", from, to, SELF_ORGANIZED);
        List<String> missingAttendance = jdbc.queryForList("SELECT w.slug" + inRange
                + " AND w.attendance IS NULL ORDER BY w.start_date DESC, w.slug", String.class, from, to);
        List<String> missingInstructors = jdbc.queryForList("SELECT w.slug" + inRange + " AND NOT EXISTS (SELECT 1 "
                + INSTRUCTOR_TASKS + " WHERE t.workshop_id = w.id) ORDER BY w.start_date DESC, w.slug", String.class,
                from, to);
        return new AllActivity(start, end, tagged(inRange, from, to, swc), tagged(inRange, from, to, dc),
                tagged(inRange, from, to, new String[] {"SWC", "DC"}), tagged(inRange, from, to, new String[] {"WiSE"}),
                tagged(inRange, from, to, new String[] {"TTT"}), selfOrganized, instructors(inRange, from, to, swc),
                instructors(inRange, from, to, dc), learners(inRange, from, to, swc), learners(inRange, from, to, dc),
                missingAttendance, missingInstructors);
    }

    private long tagged(String inRange, Date from, Date to, String[] tags) {
        return count("SELECT count(*)" + inRange + " AND " + TAGGED, from, to, tags);
    }

    private long learners(String inRange, Date from, Date to, String[] tags) {
        return count("SELECT coalesce(sum(w.attendance), 0)" + inRange + " AND " + TAGGED, from, to, tags);
    }

    private AllActivity.Instructors instructors(String inRange, Date from, Date to, String[] tags) {
        return jdbc.queryForObject("SELECT count(*), count(DISTINCT t.person_id) " + INSTRUCTOR_TASKS
                + " WHERE t.workshop_id IN (SELECT w.id" + inRange + " AND " + TAGGED + ")",
                (rs, i) -> new AllActivity.Instructors(rs.getLong(1), rs.getLong(2)), from, to, tags);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /**
     * Instructor tasks of contactable people at workshops starting on or after {@code start} and ending on or before
     * {@code end}, except workshops tagged stalled or unresponsive; newest workshop first, then by name.
     */
    public List<InstructorByTime> instructorsByTime(LocalDate start, LocalDate end) {
        return jdbc.query("SELECT w.slug, p.personal, p.middle, p.family, CASE WHEN p.erased THEN NULL "
                + "ELSE p.email END, " + NUM_TAUGHT + INSTRUCTOR_TASKS
                + " JOIN workshop_view w ON w.id = t.workshop_id AND NOT w.archived"
                + " WHERE p.may_contact AND w.start_date >= ? AND w.end_date <= ? AND NOT " + TAGGED
                + " ORDER BY w.start_date DESC, w.slug, lower(p.family), lower(p.personal), p.id",
                (rs, i) -> new InstructorByTime(rs.getString(1), name(rs, 2), rs.getString(5), rs.getLong(6)),
                Date.valueOf(start), Date.valueOf(end), new String[] {"stalled", "unresponsive"});
    }

    /**
     * AMY's instructor issues. Erased people are not listed as lacking an airport: theirs was erased, not forgotten.
     * Trainees are people without an instructor badge holding a learner task at a TTT workshop.
     */
    public InstructorIssues instructorIssues() {
        List<InstructorIssues.Who> withoutAirport = jdbc.query("SELECT p.id, p.username, p.personal, p.middle, "
                + "p.family, p.email FROM person_view p WHERE NOT p.archived AND NOT p.erased AND p.airport_id IS NULL "
                + "AND " + IS_INSTRUCTOR + " ORDER BY lower(p.family), lower(p.personal), p.id", Reports::who,
                (Object) INSTRUCTOR_BADGES);
        Map<UUID, InstructorIssues.Who> people = new LinkedHashMap<>();
        Map<UUID, List<InstructorIssues.TrainingWorkshop>> pending = new LinkedHashMap<>();
        Map<UUID, List<InstructorIssues.TrainingWorkshop>> stalled = new LinkedHashMap<>();
        jdbc.query("""
                SELECT p.id, p.username, p.personal, p.middle, p.family, CASE WHEN p.erased THEN NULL ELSE p.email END,
                       w.id, w.slug, w.start_date,
                       EXISTS (SELECT 1 FROM workshop_tag_view st JOIN tag_view s ON s.id = st.tag_id
                                WHERE st.workshop_id = w.id AND s.name = 'stalled')
                  FROM workshop_task_view t JOIN role_view r ON r.id = t.role_id AND r.name = 'learner'
                  JOIN person_view p ON p.id = t.person_id AND NOT p.archived
                  JOIN workshop_view w ON w.id = t.workshop_id AND NOT w.archived
                 WHERE EXISTS (SELECT 1 FROM workshop_tag_view tt JOIN tag_view ttt ON ttt.id = tt.tag_id
                                WHERE tt.workshop_id = w.id AND ttt.name = 'TTT')
                   AND NOT\s""" + IS_INSTRUCTOR
                + " ORDER BY lower(p.family), lower(p.personal), p.id, w.start_date NULLS LAST, w.slug", rs -> {
            InstructorIssues.Who who = who(rs, 0);
            people.putIfAbsent(who.id(), who);
            Date start = rs.getDate(9);
            var workshop = new InstructorIssues.TrainingWorkshop(rs.getObject(7, UUID.class), rs.getString(8),
                    start == null ? null : start.toLocalDate());
            (rs.getBoolean(10) ? stalled : pending).computeIfAbsent(who.id(), k -> new ArrayList<>()).add(workshop);
        }, (Object) INSTRUCTOR_BADGES);
        stalled.keySet().removeAll(pending.keySet());
        return new InstructorIssues(withoutAirport, trainees(people, pending), trainees(people, stalled));
    }

    private static List<InstructorIssues.Trainee> trainees(Map<UUID, InstructorIssues.Who> people,
                                                           Map<UUID, List<InstructorIssues.TrainingWorkshop>> byId) {
        return byId.entrySet().stream().map(e -> new InstructorIssues.Trainee(people.get(e.getKey()),
                List.copyOf(e.getValue()))).toList();
    }

    private static InstructorIssues.Who who(ResultSet rs, int i) throws SQLException {
        return new InstructorIssues.Who(rs.getObject(1, UUID.class), rs.getString(2), name(rs, 3), rs.getString(6));
    }

    private static DatedCount datedCount(ResultSet rs, int i) throws SQLException {
        return new DatedCount(rs.getDate(1).toLocalDate(), rs.getLong(2));
    }

    /** AMY's full name: personal, middle (if any) and family. */
    static String name(ResultSet rs, int personalColumn) throws SQLException {
        String middle = rs.getString(personalColumn + 1);
        return rs.getString(personalColumn) + (middle == null ? "" : " " + middle) + " "
                + rs.getString(personalColumn + 2);
    }
}
