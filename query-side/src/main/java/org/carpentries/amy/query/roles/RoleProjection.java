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
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code role_view}. Every handler is an upsert or an update, so a replayed event changes nothing. */
@Component
@ProcessingGroup(RoleProjection.NAME)
public class RoleProjection implements ReadModel {

    public static final String NAME = "roles";
    private final JdbcTemplate jdbc;
    private final String insert;
    private final String rename;
    private final String retired;
    private final String reset;

    @Autowired
    public RoleProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    RoleProjection(JdbcTemplate jdbc, Tables t) {
        this.jdbc = jdbc;
        insert = t.sql("""
                INSERT INTO {role_view} (id, name, retired, version, created_at, updated_at)
                VALUES (?, ?, FALSE, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, retired = FALSE, version = excluded.version,
                    updated_at = excluded.updated_at""");
        rename = t.sql("UPDATE {role_view} SET name = ?, version = ?, updated_at = ? WHERE id = ?");
        retired = t.sql("UPDATE {role_view} SET retired = ?, version = ?, updated_at = ? WHERE id = ?");
        reset = t.sql("DELETE FROM {role_view}");
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
        jdbc.update(insert, e.roleId(), e.name(), version, ts(at), ts(at));
    }

    @EventHandler
    void on(RoleRenamed e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(rename, e.name(), version, ts(at), e.roleId());
    }

    @EventHandler
    void on(RoleRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, true, version, ts(at), e.roleId());
    }

    @EventHandler
    void on(RoleReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, false, version, ts(at), e.roleId());
    }

    @ResetHandler
    void reset() {
        jdbc.update(reset);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
