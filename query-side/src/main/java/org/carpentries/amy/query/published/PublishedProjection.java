package org.carpentries.amy.query.published;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.WorkshopAdministratorChanged;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.WorkshopContactChanged;
import org.carpentries.amy.command.workshop.events.WorkshopDatesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopHostChanged;
import org.carpentries.amy.command.workshop.events.Location;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopRegistrationKeyChanged;
import org.carpentries.amy.command.workshop.events.WorkshopRestored;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.carpentries.amy.command.workshop.events.WorkshopSlugChanged;
import org.carpentries.amy.command.workshop.events.WorkshopUrlChanged;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the published export: each workshop's exported fields, and its JSON and YAML fragments while AMY would
 * publish it. Moves {@code published_state} only forward, and only when something the export shows (or filters
 * on) changed, so unrelated edits keep the ETag and a redelivered event can never bring back an older one.
 */
@Component
@ProcessingGroup(PublishedProjection.NAME)
public class PublishedProjection implements ReadModel {

    public static final String NAME = "published";
    /** Everything the export shows or filters on, as one text; see {@link #moves}. */
    private static final String SIGNATURE = """
            (published AND NOT archived)::text || '|' || coalesce(json_item, '') || '|' || host_id::text
                   || '|' || coalesce(administrator_id::text, '') || '|' || array_to_string(tag_ids, ',')""";

    /** The row's fields a fragment is made of, with its tags' names in the order the export lists them. */
    private static final String ROW = """
            slug, start_date, end_date, url, contact, country, venue, address, latitude, longitude, registration_key,
            ARRAY(SELECT t.name FROM {published_tag} t WHERE t.id = ANY(w.tag_ids) ORDER BY t.created_seq)""";

    private final JdbcTemplate jdbc;
    private final PublishedExport export;
    private final Tables tables;

    @Autowired
    public PublishedProjection(JdbcTemplate jdbc, PublishedExport export) {
        this(jdbc, export, Tables.LIVE);
    }

    PublishedProjection(JdbcTemplate jdbc, PublishedExport export, Tables tables) {
        this.jdbc = jdbc;
        this.export = export;
        this.tables = tables;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("published_workshop", "published_tag", "published_state");
    }

    @Override
    public Object writingTo(Tables t) {
        return new PublishedProjection(jdbc, export, t);
    }

    @Override
    public void replaced() {
        export.replaced();
    }

    /** The live export moved: once committed, the export reads its position anew. A rebuild's twin tables wait. */
    private void announce() {
        if (tables != Tables.LIVE) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> export.changed());
        } else {
            export.changed();
        }
    }

    @EventHandler
    void on(TagCreated e, TrackingToken token) {
        jdbc.update(tables.sql("INSERT INTO {published_tag} (id, name, created_seq) VALUES (?, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING"), e.tagId(), e.name(), position(token));
    }

    @EventHandler
    void on(WorkshopScheduled e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        List<Changed> inserted = jdbc.query(tables.sql("""
                INSERT INTO {published_workshop} AS w (id, slug, host_id, administrator_id, start_date, end_date,
                    url, registration_key, contact, country, venue, address, latitude, longitude, created_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                RETURNING NULL, """ + ROW), Changed::read,
                e.workshopId(), e.slug(), e.hostId(), e.administratorId(), date(e.start()), date(e.end()), e.url(),
                e.registrationKey(), e.contact(), e.country(), e.venue(), e.address(), e.latitude(), e.longitude(),
                position(token));
        if (inserted.isEmpty()) {
            // Handled before (a redelivery): the row stays as it is, its fragments are computed again.
            change(e.workshopId(), token, at, "slug = slug");
        } else {
            refresh(e.workshopId(), inserted.get(0), token, at);
        }
    }

    @EventHandler
    void on(WorkshopSlugChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "slug = ?", e.slug());
    }

    @EventHandler
    void on(WorkshopUrlChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "url = ?", e.url());
    }

    @EventHandler
    void on(WorkshopHostChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "host_id = ?", e.hostId());
    }

    @EventHandler
    void on(WorkshopAdministratorChanged e, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "administrator_id = ?", e.administratorId());
    }

    @EventHandler
    void on(WorkshopDatesChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "start_date = ?, end_date = ?", date(e.start()), date(e.end()));
    }

    @EventHandler
    void on(WorkshopLocationChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        Location l = e.location();
        change(e.workshopId(), token, at, "country = ?, venue = ?, address = ?, latitude = ?, longitude = ?",
                l.country(), l.venue(), l.address(), l.latitude(), l.longitude());
    }

    @EventHandler
    void on(WorkshopContactChanged e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "contact = ?", e.contact());
    }

    @EventHandler
    void on(WorkshopRegistrationKeyChanged e, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "registration_key = ?", e.registrationKey());
    }

    @EventHandler
    void on(TagAssignedToWorkshop e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at,
                "tag_ids = ARRAY(SELECT DISTINCT t FROM unnest(array_append(tag_ids, ?)) t ORDER BY t)", e.tagId());
    }

    @EventHandler
    void on(TagUnassignedFromWorkshop e, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "tag_ids = array_remove(tag_ids, ?)", e.tagId());
    }

    @EventHandler
    void on(WorkshopArchived e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "archived = ?", true);
    }

    @EventHandler
    void on(WorkshopRestored e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "archived = ?", false);
    }

    @EventHandler
    void on(WorkshopMergedInto e, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant at) {
        change(e.workshopId(), token, at, "archived = ?", true);
    }

    @ResetHandler
    void reset() {
        for (String table : tables()) {
            jdbc.update("DELETE FROM " + tables.of(table));
        }
        announce();
    }

    /**
     * Changes the workshop's row and refreshes it, in two statements: the change returns what the export showed
     * before it and the row after it, with its tags' names; the refresh writes the fragments and moves the export.
     */
    private void change(UUID id, TrackingToken token, Instant at, String assignments, Object... values) {
        Object[] args = new Object[values.length + 2];
        args[0] = id;
        System.arraycopy(values, 0, args, 1, values.length);
        args[values.length + 1] = id;
        List<Changed> rows = jdbc.query(tables.sql("WITH old AS (SELECT " + SIGNATURE + " AS shown "
                + "FROM {published_workshop} WHERE id = ?) UPDATE {published_workshop} AS w SET " + assignments
                + " WHERE id = ? RETURNING (SELECT shown FROM old), " + ROW), Changed::read, args);
        if (!rows.isEmpty()) {
            refresh(id, rows.get(0), token, at);
        }
    }

    /**
     * Writes the workshop's fragments as the row now reads and, in the same statement, moves the export's position
     * when what it shows changed (or the workshop stopped showing); announces the move.
     */
    private void refresh(UUID id, Changed changed, TrackingToken token, Instant at) {
        Row r = changed.row();
        boolean published = PublishedRecord.publishable(r.start, r.url, r.country, r.venue, r.address, r.latitude,
                r.longitude);
        String json = null;
        String yaml = null;
        if (published) {
            PublishedRecord record = new PublishedRecord(r.slug, r.start, r.end, r.url, r.contact, r.country, r.venue,
                    r.address, r.latitude, r.longitude, r.registrationKey, r.tagNames);
            json = record.json();
            yaml = record.yaml();
        }
        String before = changed.before();
        List<String> after = jdbc.queryForList(tables.sql("""
                WITH written AS (
                    UPDATE {published_workshop} SET published = ?, json_item = ?, yaml_item = ? WHERE id = ?
                    RETURNING """ + SIGNATURE + """
                 AS shown),
                moved AS (
                    INSERT INTO {published_state} (id, position, changed_at)
                    SELECT 1, ?, ? FROM written
                     WHERE written.shown IS DISTINCT FROM ?::text AND (?::boolean OR coalesce(?::text LIKE 't%', false))
                    ON CONFLICT (id) DO UPDATE SET position = excluded.position, changed_at = excluded.changed_at
                    WHERE {published_state}.position < excluded.position)
                SELECT shown FROM written"""), String.class, published, json, yaml, id, position(token),
                Timestamp.from(at), before, published, before);
        if (moves(before, after.isEmpty() ? null : after.get(0), published)) {
            announce();
        }
    }

    /**
     * Whether the export's position moves: what it shows of the workshop (or filters it by) changed, and it shows
     * the workshop now or did before. The statement in {@link #refresh} decides the same in SQL.
     */
    private static boolean moves(String before, String after, boolean published) {
        return !Objects.equals(before, after) && (published || before != null && before.startsWith("t"));
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private record Row(String slug, LocalDate start, LocalDate end, String url, String contact, String country,
                       String venue, String address, Double latitude, Double longitude, String registrationKey,
                       List<String> tagNames) {
    }

    /** What the export showed of a workshop before a change ({@link #SIGNATURE}; null if new), and its row after. */
    private record Changed(String before, Row row) {
        static Changed read(ResultSet rs, int i) throws SQLException {
            return new Changed(rs.getString(1), new Row(rs.getString(2), local(rs.getDate(3)), local(rs.getDate(4)),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getObject(10, Double.class), rs.getObject(11, Double.class), rs.getString(12),
                    Arrays.asList((String[]) rs.getArray(13).getArray())));
        }
    }
}
