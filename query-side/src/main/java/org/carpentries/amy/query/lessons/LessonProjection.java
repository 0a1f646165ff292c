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
import org.carpentries.amy.query.NamedRows;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code lesson_view} through {@link NamedRows}, so a replayed event changes nothing. */
@Component
@ProcessingGroup(LessonProjection.NAME)
public class LessonProjection implements ReadModel {

    public static final String NAME = "lessons";
    private final JdbcTemplate jdbc;
    private final NamedRows rows;

    @Autowired
    public LessonProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    LessonProjection(JdbcTemplate jdbc, Tables tables) {
        this.jdbc = jdbc;
        this.rows = new NamedRows(jdbc, tables, "lesson_view");
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
        rows.created(e.lessonId(), e.name(), version, at);
    }

    @EventHandler
    void on(LessonRenamed e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.renamed(e.lessonId(), e.name(), version, at);
    }

    @EventHandler
    void on(LessonRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.retired(e.lessonId(), true, version, at);
    }

    @EventHandler
    void on(LessonReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.retired(e.lessonId(), false, version, at);
    }

    @ResetHandler
    void reset() {
        rows.reset();
    }
}
