package org.carpentries.amy.query.badges;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.carpentries.amy.command.badge.events.BadgeCreated;
import org.carpentries.amy.command.badge.events.BadgeCriteriaChanged;
import org.carpentries.amy.command.badge.events.BadgeReinstated;
import org.carpentries.amy.command.badge.events.BadgeRetired;
import org.carpentries.amy.command.badge.events.BadgeTitleChanged;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code badge_view}. Every handler is an upsert or an update, so a replayed event changes nothing. */
@Component
@ProcessingGroup(BadgeProjection.NAME)
public class BadgeProjection implements ReadModel {

    public static final String NAME = "badges";
    private final JdbcTemplate jdbc;
    private final String insert;
    private final String title;
    private final String criteria;
    private final String retired;
    private final String reset;

    @Autowired
    public BadgeProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    BadgeProjection(JdbcTemplate jdbc, Tables t) {
        this.jdbc = jdbc;
        insert = t.sql("""
                INSERT INTO {badge_view} (id, name, title, criteria, retired, version, created_at, updated_at)
                VALUES (?, ?, ?, ?, FALSE, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title,
                    criteria = excluded.criteria, retired = FALSE, version = excluded.version,
                    updated_at = excluded.updated_at""");
        title = t.sql("UPDATE {badge_view} SET title = ?, version = ?, updated_at = ? WHERE id = ?");
        criteria = t.sql("UPDATE {badge_view} SET criteria = ?, version = ?, updated_at = ? WHERE id = ?");
        retired = t.sql("UPDATE {badge_view} SET retired = ?, version = ?, updated_at = ? WHERE id = ?");
        reset = t.sql("DELETE FROM {badge_view}");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("badge_view");
    }

    @Override
    public Object writingTo(Tables tables) {
        return new BadgeProjection(jdbc, tables);
    }

    @EventHandler
    void on(BadgeCreated e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(insert, e.badgeId(), e.name(), e.title(), e.criteria(), version, ts(at), ts(at));
    }

    @EventHandler
    void on(BadgeTitleChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(title, e.title(), version, ts(at), e.badgeId());
    }

    @EventHandler
    void on(BadgeCriteriaChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(criteria, e.criteria(), version, ts(at), e.badgeId());
    }

    @EventHandler
    void on(BadgeRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, true, version, ts(at), e.badgeId());
    }

    @EventHandler
    void on(BadgeReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, false, version, ts(at), e.badgeId());
    }

    @ResetHandler
    void reset() {
        jdbc.update(reset);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
