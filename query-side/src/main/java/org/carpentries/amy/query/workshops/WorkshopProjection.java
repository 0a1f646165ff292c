package org.carpentries.amy.query.workshops;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.carpentries.amy.command.workshop.events.WorkshopAdminFeeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAdministratorChanged;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.WorkshopAssigneeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopAttendanceChanged;
import org.carpentries.amy.command.workshop.events.WorkshopCompleted;
import org.carpentries.amy.command.workshop.events.WorkshopContactChanged;
import org.carpentries.amy.command.workshop.events.WorkshopDatesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopHostChanged;
import org.carpentries.amy.command.workshop.events.WorkshopInvoiceStatusChanged;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopNotesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopRegistrationKeyChanged;
import org.carpentries.amy.command.workshop.events.WorkshopReopened;
import org.carpentries.amy.command.workshop.events.WorkshopRestored;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.carpentries.amy.command.workshop.events.WorkshopSlugChanged;
import org.carpentries.amy.command.workshop.events.WorkshopSurveyLinksChanged;
import org.carpentries.amy.command.workshop.events.WorkshopUrlChanged;
import org.carpentries.amy.command.workshop.events.WorkshopsMerged;
import org.carpentries.amy.query.replay.ProjectionWrites;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code workshop_view} and {@code workshop_tag_view}; every handler is idempotent. */
@Component
@ProcessingGroup(WorkshopProjection.NAME)
public class WorkshopProjection implements ReadModel {

    public static final String NAME = "workshops";
    private final JdbcTemplate jdbc;
    private final Tables tables;
    private final ProjectionWrites writes;
    private final String insert;

    @Autowired
    public WorkshopProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    WorkshopProjection(JdbcTemplate jdbc, Tables t) {
        this.jdbc = jdbc;
        this.tables = t;
        this.writes = ProjectionWrites.of(jdbc, t);
        insert = """
                INSERT INTO {workshop_view} (id, slug, host_id, administrator_id, start_date, end_date, url,
                    registration_key, attendance, admin_fee, invoice_status, notes, contact, country, venue, address,
                    latitude, longitude, learners_pre, learners_post, instructors_pre, instructors_post,
                    learners_longterm, completed, archived, merged_into, version, created_seq, created_at, updated_at,
                    assigned_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, NULL, ?, ?, ?, ?,
                    ?)
                ON CONFLICT (id) DO NOTHING""";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("workshop_view", "workshop_tag_view", "workshop_task_view");
    }

    @Override
    public Object writingTo(Tables t) {
        return new WorkshopProjection(jdbc, t);
    }

    @EventHandler
    void on(WorkshopScheduled e, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        writes.update("workshop_view", insert, e.workshopId(), e.slug(), e.hostId(), e.administratorId(),
                date(e.start()), date(e.end()), e.url(), e.registrationKey(), e.attendance(), e.adminFee(),
                e.invoiceStatus().code(), e.notes(), e.contact(), e.country(), e.venue(), e.address(), e.latitude(),
                e.longitude(), e.learnersPre(), e.learnersPost(), e.instructorsPre(), e.instructorsPost(),
                e.learnersLongterm(), version, token.position().orElse(0), ts(at), ts(at), e.assignedTo());
    }

    @EventHandler
    void on(WorkshopSlugChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "slug = ?", e.slug());
    }

    @EventHandler
    void on(WorkshopUrlChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "url = ?", e.url());
    }

    @EventHandler
    void on(WorkshopHostChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "host_id = ?", e.hostId());
    }

    @EventHandler
    void on(WorkshopAdministratorChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "administrator_id = ?", e.administratorId());
    }

    @EventHandler
    void on(WorkshopDatesChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "start_date = ?, end_date = ?", date(e.start()), date(e.end()));
    }

    @EventHandler
    void on(WorkshopLocationChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "country = ?, venue = ?, address = ?, latitude = ?, longitude = ?", e.country(),
                e.venue(), e.address(), e.latitude(), e.longitude());
    }

    @EventHandler
    void on(WorkshopContactChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "contact = ?", e.contact());
    }

    @EventHandler
    void on(WorkshopNotesChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "notes = ?", e.notes());
    }

    @EventHandler
    void on(WorkshopRegistrationKeyChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "registration_key = ?", e.registrationKey());
    }

    @EventHandler
    void on(WorkshopAttendanceChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "attendance = ?", e.attendance());
    }

    @EventHandler
    void on(WorkshopAdminFeeChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "admin_fee = ?", e.adminFee());
    }

    @EventHandler
    void on(WorkshopInvoiceStatusChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "invoice_status = ?", e.invoiceStatus().code());
    }

    @EventHandler
    void on(WorkshopSurveyLinksChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at,
                "learners_pre = ?, learners_post = ?, instructors_pre = ?, instructors_post = ?, learners_longterm = ?",
                e.learnersPre(), e.learnersPost(), e.instructorsPre(), e.instructorsPost(), e.learnersLongterm());
    }

    @EventHandler
    void on(WorkshopAssigneeChanged e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "assigned_to = ?", e.assignedTo());
    }

    @EventHandler
    void on(WorkshopCompleted e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "completed = ?", true);
    }

    @EventHandler
    void on(WorkshopReopened e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "completed = ?", false);
    }

    @EventHandler
    void on(TagAssignedToWorkshop e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("workshop_tag_view", "INSERT INTO {workshop_tag_view} (workshop_id, tag_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", e.workshopId(), e.tagId());
        touch(e.workshopId(), v, at);
    }

    @EventHandler
    void on(TagUnassignedFromWorkshop e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("workshop_tag_view", "DELETE FROM {workshop_tag_view} WHERE workshop_id = ? AND tag_id = ?",
                e.workshopId(), e.tagId());
        touch(e.workshopId(), v, at);
    }

    @EventHandler
    void on(TaskAdded e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("workshop_task_view", "INSERT INTO {workshop_task_view} (workshop_id, person_id, role_id) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", e.workshopId(), e.personId(), e.roleId());
        touch(e.workshopId(), v, at);
    }

    @EventHandler
    void on(TaskRemoved e, @SequenceNumber long v, @Timestamp Instant at) {
        writes.update("workshop_task_view", "DELETE FROM {workshop_task_view} WHERE workshop_id = ? "
                + "AND person_id = ? AND role_id = ?", e.workshopId(), e.personId(), e.roleId());
        touch(e.workshopId(), v, at);
    }

    @EventHandler
    void on(WorkshopArchived e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "archived = ?", true);
    }

    @EventHandler
    void on(WorkshopRestored e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "archived = ?", false);
    }

    @EventHandler
    void on(WorkshopsMerged e, @SequenceNumber long v, @Timestamp Instant at) {
        touch(e.workshopId(), v, at);
    }

    @EventHandler
    void on(WorkshopMergedInto e, @SequenceNumber long v, @Timestamp Instant at) {
        set(e.workshopId(), v, at, "archived = ?, merged_into = ?", true, e.survivorWorkshopId());
    }

    @ResetHandler
    void reset() {
        jdbc.update(tables.sql("DELETE FROM {workshop_task_view}"));
        jdbc.update(tables.sql("DELETE FROM {workshop_tag_view}"));
        jdbc.update(tables.sql("DELETE FROM {workshop_view}"));
    }

    private void touch(UUID id, long version, Instant at) {
        writes.update("workshop_view", "UPDATE {workshop_view} SET version = ?, updated_at = ? WHERE id = ?",
                version, ts(at), id);
    }

    private void set(UUID id, long version, Instant at, String assignments, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = version;
        args[values.length + 1] = ts(at);
        args[values.length + 2] = id;
        writes.update("workshop_view", "UPDATE {workshop_view} SET " + assignments + ", version = ?, "
                + "updated_at = ? WHERE id = ?", args);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
