package org.carpentries.amy.query.tags;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.tag.events.TagDetailsChanged;
import org.carpentries.amy.command.tag.events.TagReinstated;
import org.carpentries.amy.command.tag.events.TagRetired;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code tag_view}. Every handler is an upsert or an update, so a replayed event changes nothing. */
@Component
@ProcessingGroup(TagProjection.NAME)
public class TagProjection implements ReadModel {

    public static final String NAME = "tags";
    private final JdbcTemplate jdbc;
    private final String insert;
    private final String details;
    private final String retired;
    private final String reset;

    @Autowired
    public TagProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    TagProjection(JdbcTemplate jdbc, Tables t) {
        this.jdbc = jdbc;
        insert = t.sql("""
                INSERT INTO {tag_view} (id, name, details, retired, version, created_seq, created_at, updated_at)
                VALUES (?, ?, ?, FALSE, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, details = excluded.details,
                    version = excluded.version, updated_at = excluded.updated_at""");
        details = t.sql("UPDATE {tag_view} SET details = ?, version = ?, updated_at = ? WHERE id = ?");
        retired = t.sql("UPDATE {tag_view} SET retired = ?, version = ?, updated_at = ? WHERE id = ?");
        reset = t.sql("DELETE FROM {tag_view}");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("tag_view");
    }

    @Override
    public Object writingTo(Tables tables) {
        return new TagProjection(jdbc, tables);
    }

    @EventHandler
    void on(TagCreated e, @SequenceNumber long version, @Timestamp Instant at, TrackingToken token) {
        jdbc.update(insert, e.tagId(), e.name(), e.details(), version, token.position().orElse(0),
                ts(at), ts(at));
    }

    @EventHandler
    void on(TagDetailsChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(details, e.details(), version, ts(at), e.tagId());
    }

    @EventHandler
    void on(TagRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, true, version, ts(at), e.tagId());
    }

    @EventHandler
    void on(TagReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, false, version, ts(at), e.tagId());
    }

    @ResetHandler
    void reset() {
        jdbc.update(reset);
    }

    static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
