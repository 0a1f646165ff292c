package org.carpentries.amy.query.workshops;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.References;
import org.carpentries.amy.query.Like;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads workshops with AMY's rules for publishing and timing, "today" taken from the configured clock. */
@Component
public class WorkshopQueries {

    /** AMY's published rule: start, url, country, venue, address, latitude and longitude present; end optional. */
    public static final String PUBLISHED = "(w.start_date IS NOT NULL AND w.url IS NOT NULL AND w.country IS NOT NULL"
            + " AND w.venue <> '' AND w.address <> '' AND w.latitude IS NOT NULL AND w.longitude IS NOT NULL)";
    private static final String COLUMNS = """
            SELECT w.*, h.domain AS host_domain, h.fullname AS host_fullname,
                   a.domain AS admin_domain, a.fullname AS admin_fullname""";
    private static final String FROM = """

              FROM workshop_view w
              LEFT JOIN organisation_view h ON h.id = w.host_id
              LEFT JOIN organisation_view a ON a.id = w.administrator_id""";
    /** Workshops without their tags: a page of them reads its tags in one more statement ({@link #withTags}). */
    private static final String SELECT = COLUMNS + FROM;
    /**
     * One workshop with its tags in the same statement, in the tags' order: what a write answers with, and what a
     * write reads first, so each is one round trip.
     */
    private static final String SELECT_WITH_TAGS = COLUMNS + """
            ,
                   t.ids AS tag_ids, t.names AS tag_names, t.retired AS tag_retired""" + FROM + """

              LEFT JOIN LATERAL (
                SELECT array_agg(tg.id ORDER BY tg.created_seq) AS ids,
                       array_agg(tg.name ORDER BY tg.created_seq) AS names,
                       array_agg(tg.retired ORDER BY tg.created_seq) AS retired
                  FROM workshop_tag_view wt JOIN tag_view tg ON tg.id = wt.tag_id
                 WHERE wt.workshop_id = w.id) t ON true""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WorkshopQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public WorkshopPage find(FindWorkshops q) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        where.add("w.archived = ?");
        args.add(q.archived());
        for (UUID tag : q.tagIds()) {
            where.add("EXISTS (SELECT 1 FROM workshop_tag_view wt WHERE wt.workshop_id = w.id AND wt.tag_id = ?)");
            args.add(tag);
        }
        if (q.hostId() != null) {
            where.add("w.host_id = ?");
            args.add(q.hostId());
        }
        if (q.administratorId() != null) {
            where.add("w.administrator_id = ?");
            args.add(q.administratorId());
        }
        if (q.unassigned()) {
            where.add("w.assigned_to IS NULL");
        } else if (q.assignedTo() != null) {
            where.add("w.assigned_to = ?");
            args.add(q.assignedTo());
        }
        if (q.published() != null) {
            where.add(q.published() ? PUBLISHED : "NOT " + PUBLISHED);
        }
        if (q.completed() != null) {
            where.add("w.completed = ?");
            args.add(q.completed());
        }
        range(where, args, "w.start_date >= ?", q.startFrom());
        range(where, args, "w.start_date <= ?", q.startTo());
        range(where, args, "w.end_date >= ?", q.endFrom());
        range(where, args, "w.end_date <= ?", q.endTo());
        if (q.text() != null && !q.text().isBlank()) {
            String like = Like.containing(q.text());
            where.add("(lower(coalesce(w.slug, '')) LIKE ? OR lower(coalesce(w.url, '')) LIKE ? "
                    + "OR lower(w.contact) LIKE ? OR lower(w.venue) LIKE ? OR lower(w.address) LIKE ?)");
            for (int i = 0; i < 5; i++) {
                args.add(like);
            }
        }
        if (q.timing() != null) {
            Date today = Date.valueOf(today());
            switch (q.timing()) {
                case PAST -> {
                    where.add("w.start_date < ? AND (w.end_date < ? OR w.end_date IS NULL)");
                    args.add(today);
                    args.add(today);
                }
                case ONGOING -> {
                    where.add(PUBLISHED + " AND w.start_date <= ? AND w.end_date >= ?");
                    args.add(today);
                    args.add(today);
                }
                case UPCOMING -> {
                    where.add(PUBLISHED + " AND w.start_date > ?");
                    args.add(today);
                }
            }
        }
        String condition = " WHERE " + String.join(" AND ", where);
        Long count = jdbc.queryForObject("SELECT count(*) FROM workshop_view w" + condition, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.pageSize());
        pageArgs.add((long) (q.page() - 1) * q.pageSize());
        List<WorkshopView> rows = withTags(jdbc.query(SELECT + condition + " ORDER BY " + q.order().sql
                + ", w.created_seq LIMIT ? OFFSET ?", this::row, pageArgs.toArray()));
        return new WorkshopPage(count == null ? 0 : count, q.page(), q.pageSize(), rows);
    }

    /** The workshop's roster, ordered by family and personal name. */
    public List<TaskView> tasks(UUID workshopId) {
        return jdbc.query("""
                SELECT t.person_id, p.username, p.personal, p.middle, p.family, t.role_id
                  FROM workshop_task_view t LEFT JOIN person_view p ON p.id = t.person_id
                 WHERE t.workshop_id = ? ORDER BY lower(p.family), lower(p.personal), t.role_id""", (rs, i) -> {
            String middle = rs.getString("middle");
            String full = rs.getString("personal") == null ? null : rs.getString("personal")
                    + (middle == null ? "" : " " + middle) + " " + rs.getString("family");
            return new TaskView(rs.getObject("person_id", UUID.class), rs.getString("username"), full,
                    rs.getObject("role_id", UUID.class));
        }, workshopId);
    }

    /** A person's tasks, newest workshop first (no start date last), then by role name. */
    public List<PersonTaskView> tasksOf(UUID personId) {
        return jdbc.query("""
                SELECT t.workshop_id, w.slug, w.start_date, w.end_date, w.archived, t.role_id, r.name
                  FROM workshop_task_view t JOIN workshop_view w ON w.id = t.workshop_id
                  LEFT JOIN role_view r ON r.id = t.role_id
                 WHERE t.person_id = ? ORDER BY w.start_date DESC NULLS LAST, w.slug, r.name""", (rs, i) -> {
            java.sql.Date start = rs.getDate(3);
            java.sql.Date end = rs.getDate(4);
            return new PersonTaskView(rs.getObject(1, UUID.class), rs.getString(2),
                    start == null ? null : start.toLocalDate(), end == null ? null : end.toLocalDate(),
                    rs.getBoolean(5), rs.getObject(6, UUID.class), rs.getString(7));
        }, personId);
    }

    public Optional<WorkshopView> byId(UUID id) {
        return jdbc.query(SELECT_WITH_TAGS + " WHERE w.id = ?", this::rowWithTags, id).stream().findFirst();
    }

    /** A workshop named by id, or by slug (the live one first: an archived workshop's slug may be reused). */
    public Optional<WorkshopView> byReference(String reference) {
        Optional<UUID> id = References.id(reference);
        if (id.isPresent()) {
            return byId(id.get());
        }
        return jdbc.query(SELECT_WITH_TAGS + " WHERE w.slug = ? ORDER BY w.archived, w.created_seq DESC LIMIT 1",
                this::rowWithTags, reference).stream().findFirst();
    }

    private static void range(List<String> where, List<Object> args, String clause, LocalDate value) {
        if (value != null) {
            where.add(clause);
            args.add(Date.valueOf(value));
        }
    }

    private List<WorkshopView> withTags(List<WorkshopView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<WorkshopView.TagRef>> tags = new HashMap<>();
        jdbc.query("""
                SELECT wt.workshop_id, t.id, t.name, t.retired FROM workshop_tag_view wt
                  JOIN tag_view t ON t.id = wt.tag_id
                 WHERE wt.workshop_id = ANY(?) ORDER BY t.created_seq""", rs -> {
            tags.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new WorkshopView.TagRef(rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4)));
        }, (Object) rows.stream().map(WorkshopView::id).toArray(UUID[]::new));
        Map<UUID, WorkshopView> byId = new LinkedHashMap<>();
        for (WorkshopView w : rows) {
            byId.put(w.id(), tagged(w, tags.getOrDefault(w.id(), List.of())));
        }
        return List.copyOf(byId.values());
    }

    /** A row of {@link #SELECT_WITH_TAGS}: the workshop and its tags from the row's arrays. */
    private WorkshopView rowWithTags(ResultSet rs, int i) throws SQLException {
        Array ids = rs.getArray("tag_ids");
        List<WorkshopView.TagRef> tags = new ArrayList<>();
        if (ids != null) {
            UUID[] id = (UUID[]) ids.getArray();
            String[] name = (String[]) rs.getArray("tag_names").getArray();
            Boolean[] retired = (Boolean[]) rs.getArray("tag_retired").getArray();
            for (int t = 0; t < id.length; t++) {
                tags.add(new WorkshopView.TagRef(id[t], name[t], retired[t]));
            }
        }
        return tagged(row(rs, i), tags);
    }

    private static WorkshopView tagged(WorkshopView w, List<WorkshopView.TagRef> tags) {
        return new WorkshopView(w.id(), w.slug(), w.host(), w.administrator(), w.assignedTo(), w.start(), w.end(),
                w.url(), w.registrationKey(), w.attendance(), w.adminFee(), w.invoiceStatus(), w.notes(),
                w.contact(), w.country(), w.venue(), w.address(), w.latitude(), w.longitude(), w.learnersPre(),
                w.learnersPost(), w.instructorsPre(), w.instructorsPost(), w.learnersLongterm(), w.completed(),
                w.archived(), w.mergedInto(), List.copyOf(tags), w.published(), w.timing(), w.issues(),
                w.version(), w.createdAt(), w.updatedAt());
    }

    private WorkshopView row(ResultSet rs, int i) throws SQLException {
        LocalDate start = localDate(rs, "start_date");
        LocalDate end = localDate(rs, "end_date");
        Double latitude = rs.getObject("latitude", Double.class);
        Double longitude = rs.getObject("longitude", Double.class);
        String url = rs.getString("url");
        String country = rs.getString("country");
        String venue = rs.getString("venue");
        String address = rs.getString("address");
        Integer attendance = rs.getObject("attendance", Integer.class);
        boolean archived = rs.getBoolean("archived");
        boolean published = start != null && url != null && country != null && !venue.isEmpty()
                && !address.isEmpty() && latitude != null && longitude != null;
        UUID adminId = rs.getObject("administrator_id", UUID.class);
        return new WorkshopView(rs.getObject("id", UUID.class), rs.getString("slug"),
                new WorkshopView.OrganisationRef(rs.getObject("host_id", UUID.class), rs.getString("host_domain"),
                        rs.getString("host_fullname")),
                adminId == null ? null : new WorkshopView.OrganisationRef(adminId, rs.getString("admin_domain"),
                        rs.getString("admin_fullname")),
                rs.getObject("assigned_to", UUID.class), start, end, url, rs.getString("registration_key"), attendance,
                rs.getObject("admin_fee", BigDecimal.class), rs.getString("invoice_status"), rs.getString("notes"),
                rs.getString("contact"), country, venue, address, latitude, longitude, rs.getString("learners_pre"),
                rs.getString("learners_post"), rs.getString("instructors_pre"), rs.getString("instructors_post"),
                rs.getString("learners_longterm"), rs.getBoolean("completed"), archived,
                rs.getObject("merged_into", UUID.class), List.of(), published,
                timing(start, end, published), issues(start, end, url, attendance, country, venue, address, latitude,
                        longitude),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private String timing(LocalDate start, LocalDate end, boolean published) {
        return timing(start, end, published, today());
    }

    /** AMY's timing of a workshop on the day {@code today}: past, ongoing, upcoming, or none (null). */
    public static String timing(LocalDate start, LocalDate end, boolean published, LocalDate today) {
        if (start != null && start.isBefore(today) && (end == null || end.isBefore(today))) {
            return Timing.PAST.code();
        }
        if (published && !start.isAfter(today) && end != null && !end.isBefore(today)) {
            return Timing.ONGOING.code();
        }
        if (published && start.isAfter(today)) {
            return Timing.UPCOMING.code();
        }
        return null;
    }

    /** What AMY's event page and workshop-issues report flag as missing or wrong. */
    public static List<String> issues(LocalDate start, LocalDate end, String url, Integer attendance, String country,
                               String venue, String address, Double latitude, Double longitude) {
        List<String> issues = new ArrayList<>();
        if (start == null) {
            issues.add("missing-start");
        }
        if (start != null && end != null && start.isAfter(end)) {
            issues.add("bad-dates");
        }
        if (url == null) {
            issues.add("missing-url");
        }
        if (attendance == null || attendance == 0) {
            issues.add("missing-attendance");
        }
        if (country == null) {
            issues.add("missing-country");
        }
        if (venue.isEmpty()) {
            issues.add("missing-venue");
        }
        if (address.isEmpty()) {
            issues.add("missing-address");
        }
        if (latitude == null) {
            issues.add("missing-latitude");
        }
        if (longitude == null) {
            issues.add("missing-longitude");
        }
        return List.copyOf(issues);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
