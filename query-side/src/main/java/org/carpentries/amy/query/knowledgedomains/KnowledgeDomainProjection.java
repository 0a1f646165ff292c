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
import org.carpentries.amy.query.NamedRows;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code knowledge_domain_view} through {@link NamedRows}, so a replayed event changes nothing. */
@Component
@ProcessingGroup(KnowledgeDomainProjection.NAME)
public class KnowledgeDomainProjection implements ReadModel {

    public static final String NAME = "knowledge-domains";
    private final JdbcTemplate jdbc;
    private final NamedRows rows;

    @Autowired
    public KnowledgeDomainProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    KnowledgeDomainProjection(JdbcTemplate jdbc, Tables tables) {
        this.jdbc = jdbc;
        this.rows = new NamedRows(jdbc, tables, "knowledge_domain_view");
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
        rows.created(e.knowledgeDomainId(), e.name(), version, at);
    }

    @EventHandler
    void on(KnowledgeDomainRenamed e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.renamed(e.knowledgeDomainId(), e.name(), version, at);
    }

    @EventHandler
    void on(KnowledgeDomainRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.retired(e.knowledgeDomainId(), true, version, at);
    }

    @EventHandler
    void on(KnowledgeDomainReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        rows.retired(e.knowledgeDomainId(), false, version, at);
    }

    @ResetHandler
    void reset() {
        rows.reset();
    }
}
