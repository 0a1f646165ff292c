package org.carpentries.amy.query.organisations;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.carpentries.amy.command.organisation.events.OrganisationCountryChanged;
import org.carpentries.amy.command.organisation.events.OrganisationDomainChanged;
import org.carpentries.amy.command.organisation.events.OrganisationFullnameChanged;
import org.carpentries.amy.command.organisation.events.OrganisationNotesChanged;
import org.carpentries.amy.command.organisation.events.OrganisationRegistered;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code organisation_view}; upserts and updates only, so replays are harmless. */
@Component
@ProcessingGroup(OrganisationProjection.NAME)
public class OrganisationProjection implements ReadModel {

    public static final String NAME = "organisations";
    private final JdbcTemplate jdbc;
    private final Tables tables;
    private final String insert;

    @Autowired
    public OrganisationProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    OrganisationProjection(JdbcTemplate jdbc, Tables t) {
        this.jdbc = jdbc;
        this.tables = t;
        insert = t.sql("""
                INSERT INTO {organisation_view} (id, domain, fullname, country, notes, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET domain = excluded.domain, fullname = excluded.fullname,
                    country = excluded.country, notes = excluded.notes, version = excluded.version,
                    updated_at = excluded.updated_at""");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("organisation_view");
    }

    @Override
    public Object writingTo(Tables t) {
        return new OrganisationProjection(jdbc, t);
    }

    @EventHandler
    void on(OrganisationRegistered e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(insert, e.organisationId(), e.domain(), e.fullname(), e.country(), e.notes(), version,
                java.sql.Timestamp.from(at), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(OrganisationDomainChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        set("domain", e.domain(), e.organisationId(), version, at);
    }

    @EventHandler
    void on(OrganisationFullnameChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        set("fullname", e.fullname(), e.organisationId(), version, at);
    }

    @EventHandler
    void on(OrganisationCountryChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        set("country", e.country(), e.organisationId(), version, at);
    }

    @EventHandler
    void on(OrganisationNotesChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        set("notes", e.notes(), e.organisationId(), version, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update(tables.sql("DELETE FROM {organisation_view}"));
    }

    private void set(String column, Object value, Object id, long version, Instant at) {
        jdbc.update(tables.sql("UPDATE {organisation_view} SET " + column + " = ?, version = ?, updated_at = ? "
                + "WHERE id = ?"), value, version, java.sql.Timestamp.from(at), id);
    }
}
