package org.carpentries.amy.query.lessons;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.carpentries.amy.command.lesson.events.LessonCreated;
import org.carpentries.amy.command.lesson.events.LessonReinstated;
import org.carpentries.amy.command.lesson.events.LessonRenamed;
import org.carpentries.amy.command.lesson.events.LessonRetired;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code lesson_view}. Every handler is an upsert or an update, so a replayed event changes nothing. */
@Component
@ProcessingGroup(LessonProjection.NAME)
public class LessonProjection implements ReadModel {

    public static final String NAME = "lessons";
    private final JdbcTemplate jdbc;
    private final String insert;
    private final String rename;
    private final String retired;
    private final String reset;

    @Autowired
    public LessonProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    LessonProjection(JdbcTemplate jdbc, Tables t) {
        this.jdbc = jdbc;
        insert = t.sql("""
                INSERT INTO {lesson_view} (id, name, retired, version, created_at, updated_at)
                VALUES (?, ?, FALSE, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, retired = FALSE, version = excluded.version,
                    updated_at = excluded.updated_at""");
        rename = t.sql("UPDATE {lesson_view} SET name = ?, version = ?, updated_at = ? WHERE id = ?");
        retired = t.sql("UPDATE {lesson_view} SET retired = ?, version = ?, updated_at = ? WHERE id = ?");
        reset = t.sql("DELETE FROM {lesson_view}");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("lesson_view");
    }

    @Override
    public Object writingTo(Tables tables) {
        return new LessonProjection(jdbc, tables);
    }

    @EventHandler
    void on(LessonCreated e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(insert, e.lessonId(), e.name(), version, ts(at), ts(at));
    }

    @EventHandler
    void on(LessonRenamed e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(rename, e.name(), version, ts(at), e.lessonId());
    }

    @EventHandler
    void on(LessonRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, true, version, ts(at), e.lessonId());
    }

    @EventHandler
    void on(LessonReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, false, version, ts(at), e.lessonId());
    }

    @ResetHandler
    void reset() {
        jdbc.update(reset);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
