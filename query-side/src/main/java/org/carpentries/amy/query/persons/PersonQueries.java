package org.carpentries.amy.query.persons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.Like;
import org.carpentries.amy.query.References;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads people, ordered by family then personal name as AMY listed them. */
@Component
public class PersonQueries {

    private final JdbcTemplate jdbc;

    public PersonQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PersonPage find(FindPersons q) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        where.add("p.archived = ?");
        args.add(q.archived());
        if (q.mayContact() != null) {
            where.add("p.may_contact = ?");
            args.add(q.mayContact());
        }
        for (UUID badge : q.badgeIds()) {
            where.add("EXISTS (SELECT 1 FROM person_award_view a WHERE a.person_id = p.id AND a.badge_id = ?)");
            args.add(badge);
        }
        if (q.isInstructor() != null) {
            where.add((q.isInstructor() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM person_award_view a JOIN badge_view b "
                    + "ON b.id = a.badge_id WHERE a.person_id = p.id AND b.name = ANY(?))");
            args.add(FindPersons.INSTRUCTOR_BADGES.toArray(String[]::new));
        }
        if (q.airportId() != null) {
            where.add("p.airport_id = ?");
            args.add(q.airportId());
        }
        if (q.country() != null) {
            where.add("EXISTS (SELECT 1 FROM airport_view ap WHERE ap.id = p.airport_id AND ap.country = ?)");
            args.add(q.country());
        }
        if (q.taughtTagId() != null) {
            where.add("""
                    EXISTS (SELECT 1 FROM workshop_task_view t JOIN role_view r ON r.id = t.role_id
                              JOIN workshop_tag_view wt ON wt.workshop_id = t.workshop_id
                             WHERE t.person_id = p.id AND r.name = 'instructor' AND wt.tag_id = ?)""");
            args.add(q.taughtTagId());
        }
        if (q.text() != null && !q.text().isBlank()) {
            String term = q.text().strip().toLowerCase(Locale.ROOT);
            String like = Like.containing(term);
            StringBuilder match = new StringBuilder("(lower(p.personal) LIKE ? OR lower(p.family) LIKE ? "
                    + (q.textMatchesEmail() ? "OR lower(coalesce(p.email, '')) LIKE ? " : "")
                    + "OR lower(p.username) LIKE ?");
            for (int i = 0; i < (q.textMatchesEmail() ? 4 : 3); i++) {
                args.add(like);
            }
            String[] words = term.split("\\s+");
            if (words.length == 2) {
                match.append(" OR (lower(p.personal) LIKE ? AND lower(p.family) LIKE ?)"
                        + " OR (lower(p.personal) LIKE ? AND lower(p.family) LIKE ?)");
                args.add(Like.containing(words[0]));
                args.add(Like.containing(words[1]));
                args.add(Like.containing(words[1]));
                args.add(Like.containing(words[0]));
            }
            where.add(match.append(")").toString());
        }
        String condition = " WHERE " + String.join(" AND ", where);
        Long count = jdbc.queryForObject("SELECT count(*) FROM person_view p" + condition, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.pageSize());
        pageArgs.add((long) (q.page() - 1) * q.pageSize());
        List<PersonView> rows = withLinks(jdbc.query("SELECT * FROM person_view p" + condition
                + " ORDER BY lower(p.family), lower(p.personal), p.created_seq LIMIT ? OFFSET ?", PersonQueries::row,
                pageArgs.toArray()));
        return new PersonPage(count == null ? 0 : count, q.page(), q.pageSize(), rows);
    }

    /**
     * AMY's duplicates report: people whose personal and family names are another's swapped, people sharing both
     * names exactly (case-sensitive, as AMY compared), and people sharing an email in any case; archived people and
     * pairs marked as different people are left out.
     */
    public Duplicates duplicates() {
        String pairs = """
                SELECT a.id, a.username, a.personal, a.middle, a.family, b.id, b.username, b.personal, b.middle,
                       b.family
                  FROM person_view a JOIN person_view b ON a.id < b.id AND %s
                 WHERE NOT a.archived AND NOT b.archived
                   AND NOT EXISTS (SELECT 1 FROM person_not_duplicate_view n
                                    WHERE (n.person_id = a.id AND n.other_person_id = b.id)
                                       OR (n.person_id = b.id AND n.other_person_id = a.id))
                 ORDER BY lower(a.family), lower(a.personal), a.id, b.id""";
        return new Duplicates(jdbc.query(pairs.formatted("a.personal = b.family AND a.family = b.personal"),
                PersonQueries::pair), jdbc.query(pairs.formatted("a.personal = b.personal AND a.family = b.family"),
                PersonQueries::pair), jdbc.query(pairs.formatted("lower(a.email) = lower(b.email)"),
                PersonQueries::pair));
    }

    private static Duplicates.Pair pair(ResultSet rs, int i) throws SQLException {
        return new Duplicates.Pair(who(rs, 1), who(rs, 6));
    }

    private static Duplicates.Who who(ResultSet rs, int first) throws SQLException {
        String middle = rs.getString(first + 3);
        return new Duplicates.Who(rs.getObject(first, UUID.class), rs.getString(first + 1), rs.getString(first + 2)
                + (middle == null ? "" : " " + middle) + " " + rs.getString(first + 4));
    }

    /** A person's awards, oldest first, with the badge's name. */
    public List<AwardView> awards(UUID personId) {
        return jdbc.query("""
                SELECT a.badge_id, b.name, a.awarded, a.workshop_id, a.awarded_by FROM person_award_view a
                  LEFT JOIN badge_view b ON b.id = a.badge_id
                 WHERE a.person_id = ? ORDER BY a.awarded, b.name""", (rs, i) -> new AwardView(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getDate(3).toLocalDate(),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)), personId);
    }

    /** The people who hold a badge, in award order (AMY's badges export order). */
    public List<BadgeHolder> holders(UUID badgeId) {
        return jdbc.query("""
                SELECT p.id, p.username, p.personal, p.middle, p.family, a.awarded FROM person_award_view a
                  JOIN person_view p ON p.id = a.person_id
                 WHERE a.badge_id = ? AND NOT p.archived ORDER BY a.awarded, lower(p.family)""", (rs, i) -> {
            String middle = rs.getString(4);
            return new BadgeHolder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)
                    + (middle == null ? "" : " " + middle) + " " + rs.getString(5), rs.getDate(6).toLocalDate());
        }, badgeId);
    }

    public Optional<PersonView> byId(UUID id) {
        return withLinks(jdbc.query("SELECT * FROM person_view p WHERE p.id = ?", PersonQueries::row, id)).stream()
                .findFirst();
    }

    /** A person named by id or by username (the live one first). */
    public Optional<PersonView> byReference(String reference) {
        Optional<UUID> id = References.id(reference);
        if (id.isPresent()) {
            return byId(id.get());
        }
        return withLinks(jdbc.query("SELECT * FROM person_view p WHERE p.username = ? ORDER BY p.archived LIMIT 1",
                PersonQueries::row, reference)).stream().findFirst();
    }

    private List<PersonView> withLinks(List<PersonView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        UUID[] ids = rows.stream().map(PersonView::id).toArray(UUID[]::new);
        Map<UUID, List<UUID>> lessons = links("SELECT person_id, lesson_id FROM person_lesson_view "
                + "WHERE person_id = ANY(?) ORDER BY lesson_id", ids);
        Map<UUID, List<UUID>> domains = links("SELECT person_id, domain_id FROM person_domain_view "
                + "WHERE person_id = ANY(?) ORDER BY domain_id", ids);
        return rows.stream().map(p -> new PersonView(p.id(), p.personal(), p.middle(), p.family(), p.fullName(),
                p.username(), p.email(), p.gender(), p.airportId(), p.github(), p.twitter(), p.url(), p.orcid(),
                p.occupation(), p.affiliation(), p.notes(), p.mayContact(),
                List.copyOf(lessons.getOrDefault(p.id(), List.of())),
                List.copyOf(domains.getOrDefault(p.id(), List.of())), p.archived(), p.erased(), p.mergedInto(),
                p.version(), p.createdAt(), p.updatedAt())).toList();
    }

    private Map<UUID, List<UUID>> links(String sql, UUID[] ids) {
        Map<UUID, List<UUID>> links = new HashMap<>();
        jdbc.query(sql, rs -> {
            links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
        }, (Object) ids);
        return links;
    }

    private static PersonView row(ResultSet rs, int i) throws SQLException {
        String middle = rs.getString("middle");
        String full = rs.getString("personal") + (middle == null ? "" : " " + middle) + " " + rs.getString("family");
        return new PersonView(rs.getObject("id", UUID.class), rs.getString("personal"), middle,
                rs.getString("family"), full, rs.getString("username"), rs.getString("email"),
                rs.getString("gender"), rs.getObject("airport_id", UUID.class), rs.getString("github"),
                rs.getString("twitter"), rs.getString("url"), rs.getString("orcid"), rs.getString("occupation"),
                rs.getString("affiliation"), rs.getString("notes"), rs.getBoolean("may_contact"), List.of(), List.of(),
                rs.getBoolean("archived"), rs.getBoolean("erased"), rs.getObject("merged_into", UUID.class),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
