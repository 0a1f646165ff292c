package org.carpentries.amy.query.published;

import java.sql.Array;
import java.sql.Date;
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
        String before = signature(e.workshopId());
        jdbc.update(tables.sql("""
                INSERT INTO {published_workshop} (id, slug, host_id, administrator_id, start_date, end_date, url,
                    registration_key, contact, country, venue, address, latitude, longitude, created_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"""),
                e.workshopId(), e.slug(), e.hostId(), e.administratorId(), date(e.start()), date(e.end()), e.url(),
                e.registrationKey(), e.contact(), e.country(), e.venue(), e.address(), e.latitude(), e.longitude(),
                position(token));
        refresh(e.workshopId(), before, token, at);
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

    private void change(UUID id, TrackingToken token, Instant at, String assignments, Object... values) {
        String before = signature(id);
        Object[] args = Arrays.copyOf(values, values.length + 1);
        args[values.length] = id;
        jdbc.update(tables.sql("UPDATE {published_workshop} SET " + assignments + " WHERE id = ?"), args);
        refresh(id, before, token, at);
    }

    /** Recomputes the workshop's fragments; moves the export's position when what it shows changed. */
    private void refresh(UUID id, String before, TrackingToken token, Instant at) {
        List<Row> rows = jdbc.query(tables.sql("""
                SELECT slug, start_date, end_date, url, contact, country, venue, address, latitude, longitude,
                       registration_key, tag_ids FROM {published_workshop} WHERE id = ?"""),
                (rs, i) -> new Row(rs.getString(1), local(rs.getDate(2)), local(rs.getDate(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, Double.class), rs.getObject(10, Double.class), rs.getString(11),
                        uuids(rs.getArray(12))), id);
        if (rows.isEmpty()) {
            return;
        }
        Row r = rows.get(0);
        boolean published = PublishedRecord.publishable(r.start, r.url, r.country, r.venue, r.address, r.latitude,
                r.longitude);
        String json = null;
        String yaml = null;
        if (published) {
            List<String> names = r.tagIds.length == 0 ? List.of() : jdbc.queryForList(tables.sql(
                    "SELECT name FROM {published_tag} WHERE id = ANY(?) ORDER BY created_seq"), String.class,
                    (Object) r.tagIds);
            PublishedRecord record = new PublishedRecord(r.slug, r.start, r.end, r.url, r.contact, r.country, r.venue,
                    r.address, r.latitude, r.longitude, r.registrationKey, names);
            json = record.json();
            yaml = record.yaml();
        }
        jdbc.update(tables.sql("UPDATE {published_workshop} SET published = ?, json_item = ?, yaml_item = ? "
                + "WHERE id = ?"), published, json, yaml, id);
        String after = signature(id);
        if (!Objects.equals(before, after) && (published || before != null && before.startsWith("t"))) {
            jdbc.update(tables.sql("""
                    INSERT INTO {published_state} (id, position, changed_at) VALUES (1, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET position = excluded.position, changed_at = excluded.changed_at
                    WHERE {published_state}.position < excluded.position"""),
                    position(token), Timestamp.from(at));
            announce();
        }
    }

    /** Everything the export shows or filters on; null when the workshop is unknown. */
    private String signature(UUID id) {
        List<String> s = jdbc.queryForList(tables.sql("""
                SELECT (published AND NOT archived)::text || '|' || coalesce(json_item, '') || '|' || host_id::text
                       || '|' || coalesce(administrator_id::text, '') || '|' || array_to_string(tag_ids, ',')
                  FROM {published_workshop} WHERE id = ?"""), String.class, id);
        return s.isEmpty() ? null : s.get(0);
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

    private static UUID[] uuids(Array array) throws java.sql.SQLException {
        return array == null ? new UUID[0] : (UUID[]) array.getArray();
    }

    private record Row(String slug, LocalDate start, LocalDate end, String url, String contact, String country,
                       String venue, String address, Double latitude, Double longitude, String registrationKey,
                       UUID[] tagIds) {
    }
}
