package org.carpentries.amy.query.roles;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.carpentries.amy.command.role.events.RoleCreated;
import org.carpentries.amy.command.role.events.RoleReinstated;
import org.carpentries.amy.command.role.events.RoleRenamed;
import org.carpentries.amy.command.role.events.RoleRetired;
import org.carpentries.amy.query.NamedRows;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code role_view} through {@link NamedRows}, so a replayed event changes nothing. */
@Component
@ProcessingGroup(RoleProjection.NAME)
public class RoleProjection implements ReadModel {

    public static final String NAME = "roles";
    private final JdbcTemplate jdbc;
    private final NamedRows rows;

    @Autowired
    public RoleProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    RoleProjection(JdbcTemplate jdbc, Tables tables) {
        this.jdbc = jdbc;
        this.rows = new NamedRows(jdbc, tables, "role_view");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("role_view");
    }

    @Override
    public Object writingTo(Tables tables) {
        return new RoleProjection(jdbc, tables);
    }

    @EventHandler
    void on(RoleCreated e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.created(e.roleId(), e.name(), version, at);
    }

    @EventHandler
    void on(RoleRenamed e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.renamed(e.roleId(), e.name(), version, at);
    }

    @EventHandler
    void on(RoleRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.retired(e.roleId(), true, version, at);
    }

    @EventHandler
    void on(RoleReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.retired(e.roleId(), false, version, at);
    }

    @ResetHandler
    void reset() {
        rows.reset();
    }
}
