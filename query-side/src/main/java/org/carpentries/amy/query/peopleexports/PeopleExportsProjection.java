package org.carpentries.amy.query.peopleexports;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.airport.events.AirportRegistered;
import org.carpentries.amy.command.airport.events.AirportRelocated;
import org.carpentries.amy.command.airport.events.AirportRenamed;
import org.carpentries.amy.command.badge.events.BadgeCreated;
import org.carpentries.amy.command.badge.events.BadgeReinstated;
import org.carpentries.amy.command.badge.events.BadgeRetired;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.person.events.PersonAirportChanged;
import org.carpentries.amy.command.person.events.PersonArchived;
import org.carpentries.amy.command.person.events.PersonContactPermissionChanged;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonErased;
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonRegistered;
import org.carpentries.amy.command.person.events.PersonRenamed;
import org.carpentries.amy.command.person.events.PersonRestored;
import org.carpentries.amy.command.person.events.PersonUsernameChanged;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.command.role.events.RoleCreated;
import org.carpentries.amy.command.role.events.RoleRenamed;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.WorkshopDatesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopRestored;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.carpentries.amy.query.persons.FindPersons;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps what the badges, instructors and members exports show or select on. Each export's row in
 * {@code people_export_state} moves only forward, and only when the export changed: a person's part of each export
 * is summed up before and after the event (from names, flags and the positions at which sealed values were set,
 * never from the sealed values, so a replay after an erasure decides alike).
 */
@Component
@ProcessingGroup(PeopleExportsProjection.NAME)
public class PeopleExportsProjection implements ReadModel {

    public static final String NAME = "people-exports";
    /** AMY's badge of SCF members and the role that counts as teaching ({@code get_members}). */
    static final String MEMBER_BADGE = "member";
    static final String INSTRUCTOR_ROLE = "instructor";
    static final String[] INSTRUCTOR_BADGES = FindPersons.INSTRUCTOR_BADGES.toArray(String[]::new);

    private static final String SUMMARY = """
            SELECT p.archived, p.erased, p.personal, p.middle, p.family, p.username, p.email_seq, p.has_airport,
                   p.airport_seq, p.may_contact,
                   (SELECT string_agg(a.badge_id::text || '@' || a.awarded::text || '#' || a.awarded_seq::text, ','
                                      ORDER BY a.badge_id)
                      FROM {people_export_award} a JOIN {people_export_badge} b ON b.id = a.badge_id
                     WHERE a.person_id = p.id AND NOT b.retired),
                   EXISTS (SELECT 1 FROM {people_export_award} a JOIN {people_export_badge} b ON b.id = a.badge_id
                            WHERE a.person_id = p.id AND b.name = ANY(?)),
                   EXISTS (SELECT 1 FROM {people_export_award} a JOIN {people_export_badge} b ON b.id = a.badge_id
                            WHERE a.person_id = p.id AND b.name = ?),
                   (SELECT string_agg(DISTINCT w.start_date::text, ',' ORDER BY w.start_date::text)
                      FROM {people_export_task} t JOIN {people_export_role} r ON r.id = t.role_id
                      JOIN {people_export_workshop} w ON w.id = t.workshop_id
                     WHERE t.person_id = p.id AND r.name = ? AND NOT w.archived AND w.start_date IS NOT NULL)
              FROM {people_export_person} p WHERE p.id = ?""";

    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final PeopleExports exports;
    private final Tables tables;

    @Autowired
    public PeopleExportsProjection(JdbcTemplate jdbc, PersonalDataVault vault, PeopleExports exports) {
        this(jdbc, vault, exports, Tables.LIVE);
    }

    PeopleExportsProjection(JdbcTemplate jdbc, PersonalDataVault vault, PeopleExports exports, Tables tables) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.exports = exports;
        this.tables = tables;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("people_export_person", "people_export_badge", "people_export_award", "people_export_airport",
                "people_export_role", "people_export_workshop", "people_export_task", "people_export_state");
    }

    @Override
    public Object writingTo(Tables t) {
        return new PeopleExportsProjection(jdbc, vault, exports, t);
    }

    @Override
    public void replaced() {
        exports.replaced();
    }

    // Badges: the badges export lists every badge that is not retired, from its creation on.

    @EventHandler
    void on(BadgeCreated e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        int inserted = jdbc.update(tables.sql("INSERT INTO {people_export_badge} (id, name, created_seq) "
                + "VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING"), e.badgeId(), e.name(), position(token));
        if (inserted > 0) {
            move(EnumSet.of(PeopleExport.BADGES), token, at);
        }
    }

    @EventHandler
    void on(BadgeRetired e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        retire(e.badgeId(), true, token, at);
    }

    @EventHandler
    void on(BadgeReinstated e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        retire(e.badgeId(), false, token, at);
    }

    // Airports: the instructors export shows an airport's name, country and coordinates.

    @EventHandler
    void on(AirportRegistered e, TrackingToken token) {
        jdbc.update(tables.sql("""
                INSERT INTO {people_export_airport} (id, fullname, country, latitude, longitude, created_seq)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"""), e.airportId(), e.fullname(), e.country(),
                e.latitude(), e.longitude(), position(token));
    }

    @EventHandler
    void on(AirportRenamed e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        airport(e.airportId(), token, at, "fullname = ?", e.fullname());
    }

    @EventHandler
    void on(AirportRelocated e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        airport(e.airportId(), token, at, "country = ?, latitude = ?, longitude = ?", e.country(), e.latitude(),
                e.longitude());
    }

    // Roles and workshops: members who taught count by role name and workshop start.

    @EventHandler
    void on(RoleCreated e) {
        jdbc.update(tables.sql("INSERT INTO {people_export_role} (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"),
                e.roleId(), e.name());
    }

    @EventHandler
    void on(RoleRenamed e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        List<String> before = jdbc.queryForList(tables.sql("SELECT name FROM {people_export_role} WHERE id = ?"),
                String.class, e.roleId());
        jdbc.update(tables.sql("UPDATE {people_export_role} SET name = ? WHERE id = ?"), e.name(), e.roleId());
        boolean wasInstructor = !before.isEmpty() && INSTRUCTOR_ROLE.equals(before.get(0));
        if (wasInstructor != INSTRUCTOR_ROLE.equals(e.name()) && exists(
                "SELECT 1 FROM {people_export_task} WHERE role_id = ?", e.roleId())) {
            move(EnumSet.of(PeopleExport.MEMBERS), token, at);
        }
    }

    @EventHandler
    void on(WorkshopScheduled e) {
        jdbc.update(tables.sql("INSERT INTO {people_export_workshop} (id, start_date) VALUES (?, ?) "
                + "ON CONFLICT (id) DO NOTHING"), e.workshopId(), date(e.start()));
    }

    @EventHandler
    void on(WorkshopDatesChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        workshop(e.workshopId(), token, at, "start_date = ?", date(e.start()));
    }

    @EventHandler
    void on(WorkshopArchived e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        workshop(e.workshopId(), token, at, "archived = ?", true);
    }

    @EventHandler
    void on(WorkshopRestored e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        workshop(e.workshopId(), token, at, "archived = ?", false);
    }

    @EventHandler
    void on(WorkshopMergedInto e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        workshop(e.workshopId(), token, at, "archived = ?", true);
    }

    @EventHandler
    void on(TaskAdded e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        task(e.personId(), e.roleId(), token, at, () -> jdbc.update(tables.sql("""
                INSERT INTO {people_export_task} (person_id, workshop_id, role_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING"""), e.personId(), e.workshopId(), e.roleId()));
    }

    @EventHandler
    void on(TaskRemoved e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        task(e.personId(), e.roleId(), token, at, () -> jdbc.update(tables.sql("""
                DELETE FROM {people_export_task} WHERE person_id = ? AND workshop_id = ? AND role_id = ?"""),
                e.personId(), e.workshopId(), e.roleId()));
    }

    // People and their awards.

    @EventHandler
    void on(PersonRegistered e, TrackingToken token) {
        Function<Sealed, String> open = opener(e.personId());
        String airport = open.apply(e.airportId());
        long seq = position(token);
        jdbc.update(tables.sql("""
                INSERT INTO {people_export_person} (id, personal, middle, family, username, email, email_seq,
                    airport_id, has_airport, airport_seq, may_contact, created_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"""),
                e.personId(), e.personal(), e.middle(), e.family(), e.username(), open.apply(e.email()), seq,
                airport == null ? null : UUID.fromString(airport), e.airportId() != null, seq, e.mayContact(), seq);
    }

    @EventHandler
    void on(PersonRenamed e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        person(e.personId(), token, at, "personal = ?, middle = ?, family = ?", e.personal(), e.middle(), e.family());
    }

    @EventHandler
    void on(PersonUsernameChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        person(e.personId(), token, at, "username = ?", e.username());
    }

    @EventHandler
    void on(PersonEmailChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        person(e.personId(), token, at, "email = ?, email_seq = ?", opener(e.personId()).apply(e.email()),
                position(token));
    }

    @EventHandler
    void on(PersonAirportChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        String airport = opener(e.personId()).apply(e.airportId());
        person(e.personId(), token, at, "airport_id = ?, has_airport = ?, airport_seq = ?",
                airport == null ? null : UUID.fromString(airport), e.airportId() != null, position(token));
    }

    @EventHandler
    void on(PersonContactPermissionChanged e, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        person(e.personId(), token, at, "may_contact = ?", e.mayContact());
    }

    @EventHandler
    void on(PersonArchived e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        person(e.personId(), token, at, "archived = ?", true);
    }

    /** A merged-away person is archived (its awards and tasks were given up by their own events before). */
    @EventHandler
    void on(PersonMergedInto e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        person(e.personId(), token, at, "archived = ?", true);
    }

    @EventHandler
    void on(PersonRestored e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        person(e.personId(), token, at, "archived = ?", false);
    }

    /** Names, username and teaching history stay; every personal value this model holds goes. */
    @EventHandler
    void on(PersonErased e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        person(e.personId(), token, at, "email = NULL, airport_id = NULL, has_airport = FALSE, erased = ?", true);
    }

    @EventHandler
    void on(BadgeAwarded e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        changing(e.personId(), token, at, () -> jdbc.update(tables.sql("""
                INSERT INTO {people_export_award} (person_id, badge_id, awarded, awarded_seq) VALUES (?, ?, ?, ?)
                ON CONFLICT (person_id, badge_id) DO UPDATE SET awarded = excluded.awarded,
                    awarded_seq = excluded.awarded_seq"""), e.personId(), e.badgeId(), date(e.awarded()),
                position(token)));
    }

    @EventHandler
    void on(AwardRevoked e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        changing(e.personId(), token, at, () -> jdbc.update(tables.sql(
                "DELETE FROM {people_export_award} WHERE person_id = ? AND badge_id = ?"), e.personId(), e.badgeId()));
    }

    @ResetHandler
    void reset() {
        for (String table : tables()) {
            jdbc.update("DELETE FROM " + tables.of(table));
        }
    }

    private void retire(UUID badge, boolean retired, TrackingToken token, Instant at) {
        int changed = jdbc.update(tables.sql("UPDATE {people_export_badge} SET retired = ? "
                + "WHERE id = ? AND retired <> ?"), retired, badge, retired);
        if (changed > 0) {
            move(EnumSet.of(PeopleExport.BADGES), token, at);
        }
    }

    private void airport(UUID id, TrackingToken token, Instant at, String assignments, Object... values) {
        String sql = "SELECT fullname || '|' || country || '|' || latitude::text || '|' || longitude::text "
                + "FROM {people_export_airport} WHERE id = ?";
        List<String> before = jdbc.queryForList(tables.sql(sql), String.class, id);
        jdbc.update(tables.sql("UPDATE {people_export_airport} SET " + assignments + " WHERE id = ?"),
                append(values, id));
        List<String> after = jdbc.queryForList(tables.sql(sql), String.class, id);
        if (!before.equals(after) && exists("""
                SELECT 1 FROM {people_export_person} p
                 WHERE p.airport_id = ? AND NOT p.archived AND NOT p.erased AND EXISTS (
                       SELECT 1 FROM {people_export_award} a JOIN {people_export_badge} b ON b.id = a.badge_id
                        WHERE a.person_id = p.id AND b.name = ANY(?))""", id, INSTRUCTOR_BADGES)) {
            move(EnumSet.of(PeopleExport.INSTRUCTORS), token, at);
        }
    }

    private void workshop(UUID id, TrackingToken token, Instant at, String assignments, Object... values) {
        String sql = "SELECT archived::text || '|' || coalesce(start_date::text, '') FROM {people_export_workshop} "
                + "WHERE id = ?";
        List<String> before = jdbc.queryForList(tables.sql(sql), String.class, id);
        jdbc.update(tables.sql("UPDATE {people_export_workshop} SET " + assignments + " WHERE id = ?"),
                append(values, id));
        List<String> after = jdbc.queryForList(tables.sql(sql), String.class, id);
        if (!before.equals(after) && exists("""
                SELECT 1 FROM {people_export_task} t JOIN {people_export_role} r ON r.id = t.role_id
                 WHERE t.workshop_id = ? AND r.name = ?""", id, INSTRUCTOR_ROLE)) {
            move(EnumSet.of(PeopleExport.MEMBERS), token, at);
        }
    }

    /** Only tasks in the instructor role can change the members export; the others are kept for later renames. */
    private void task(UUID person, UUID role, TrackingToken token, Instant at, Runnable write) {
        if (exists("SELECT 1 FROM {people_export_role} WHERE id = ? AND name = ?", role, INSTRUCTOR_ROLE)) {
            changing(person, token, at, write);
        } else {
            write.run();
        }
    }

    private void person(UUID id, TrackingToken token, Instant at, String assignments, Object... values) {
        changing(id, token, at, () -> jdbc.update(tables.sql("UPDATE {people_export_person} SET " + assignments
                + " WHERE id = ?"), append(values, id)));
    }

    /** Runs {@code write} and moves each export whose part for this person it changed. */
    private void changing(UUID person, TrackingToken token, Instant at, Runnable write) {
        Summary before = summary(person);
        write.run();
        Summary after = summary(person);
        Set<PeopleExport> changed = EnumSet.noneOf(PeopleExport.class);
        if (!Objects.equals(before.badges(), after.badges())) {
            changed.add(PeopleExport.BADGES);
        }
        if (!Objects.equals(before.instructors(), after.instructors())) {
            changed.add(PeopleExport.INSTRUCTORS);
        }
        if (!Objects.equals(before.members(), after.members())) {
            changed.add(PeopleExport.MEMBERS);
        }
        move(changed, token, at);
    }

    /**
     * What each export shows of the person, or selects them by, as text; null where the person cannot appear. The
     * airport and email stand in by the position that set them and whether there is one.
     */
    private Summary summary(UUID person) {
        List<Summary> rows = jdbc.query(tables.sql(SUMMARY), (rs, i) -> {
            boolean archived = rs.getBoolean(1);
            boolean erased = rs.getBoolean(2);
            String shown = FullName.of(rs.getString(3), rs.getString(4), rs.getString(5)) + '\u001f' + rs.getString(6);
            String awards = rs.getString(11);
            boolean instructor = rs.getBoolean(12);
            boolean member = rs.getBoolean(13);
            String taught = instructor ? rs.getString(14) : null;
            String badges = archived || awards == null ? null : shown + '\u001f' + awards;
            String instructors = archived || erased || !rs.getBoolean(8) || !instructor ? null
                    : shown + '\u001f' + rs.getLong(9) + '\u001f' + rs.getBoolean(10);
            String members = archived || !member && taught == null ? null
                    : shown + '\u001f' + rs.getLong(7) + '\u001f' + erased + '\u001f' + member + '\u001f' + taught;
            return new Summary(badges, instructors, members);
        }, INSTRUCTOR_BADGES, MEMBER_BADGE, INSTRUCTOR_ROLE, person);
        return rows.isEmpty() ? new Summary(null, null, null) : rows.get(0);
    }

    private void move(Set<PeopleExport> exports, TrackingToken token, Instant at) {
        for (PeopleExport export : exports) {
            jdbc.update(tables.sql("""
                    INSERT INTO {people_export_state} (export, position, changed_at) VALUES (?, ?, ?)
                    ON CONFLICT (export) DO UPDATE SET position = excluded.position, changed_at = excluded.changed_at
                    WHERE {people_export_state}.position < excluded.position"""),
                    export.key(), position(token), Timestamp.from(at));
        }
    }

    private boolean exists(String sql, Object... args) {
        return !jdbc.queryForList(tables.sql(sql + " LIMIT 1"), Integer.class, args).isEmpty();
    }

    /** Opens several of one event's values with a single look-up of the person's key; null once erased. */
    private Function<Sealed, String> opener(UUID person) {
        var read = vault.reader(person);
        return sealed -> read.apply(sealed).orElse(null);
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] args = Arrays.copyOf(values, values.length + 1);
        args[values.length] = last;
        return args;
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private record Summary(String badges, String instructors, String members) {
    }
}
