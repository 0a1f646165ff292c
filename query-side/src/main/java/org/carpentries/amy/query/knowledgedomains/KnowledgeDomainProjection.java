package org.carpentries.amy.query.knowledgedomains;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainCreated;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainReinstated;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRenamed;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRetired;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code knowledge_domain_view}. Every handler is an upsert or an update, so a replayed event changes nothing.
 */
@Component
@ProcessingGroup(KnowledgeDomainProjection.NAME)
public class KnowledgeDomainProjection implements ReadModel {

    public static final String NAME = "knowledge-domains";
    private final JdbcTemplate jdbc;
    private final String insert;
    private final String rename;
    private final String retired;
    private final String reset;

    @Autowired
    public KnowledgeDomainProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    KnowledgeDomainProjection(JdbcTemplate jdbc, Tables t) {
        this.jdbc = jdbc;
        insert = t.sql("""
                INSERT INTO {knowledge_domain_view} (id, name, retired, version, created_at, updated_at)
                VALUES (?, ?, FALSE, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, retired = FALSE, version = excluded.version,
                    updated_at = excluded.updated_at""");
        rename = t.sql("UPDATE {knowledge_domain_view} SET name = ?, version = ?, updated_at = ? WHERE id = ?");
        retired = t.sql("UPDATE {knowledge_domain_view} SET retired = ?, version = ?, updated_at = ? WHERE id = ?");
        reset = t.sql("DELETE FROM {knowledge_domain_view}");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("knowledge_domain_view");
    }

    @Override
    public Object writingTo(Tables tables) {
        return new KnowledgeDomainProjection(jdbc, tables);
    }

    @EventHandler
    void on(KnowledgeDomainCreated e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(insert, e.knowledgeDomainId(), e.name(), version, ts(at), ts(at));
    }

    @EventHandler
    void on(KnowledgeDomainRenamed e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(rename, e.name(), version, ts(at), e.knowledgeDomainId());
    }

    @EventHandler
    void on(KnowledgeDomainRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, true, version, ts(at), e.knowledgeDomainId());
    }

    @EventHandler
    void on(KnowledgeDomainReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(retired, false, version, ts(at), e.knowledgeDomainId());
    }

    @ResetHandler
    void reset() {
        jdbc.update(reset);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
