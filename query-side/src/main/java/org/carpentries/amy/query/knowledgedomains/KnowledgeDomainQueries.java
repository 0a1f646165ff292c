package org.carpentries.amy.query.knowledgedomains;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.References;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads knowledge domains. Names contain '/' (such as {@code Mathematics/statistics}), so a name is a query filter,
 * never a path segment.
 */
@Component
public class KnowledgeDomainQueries {

    private static final String SELECT = "SELECT id, name, retired, version, created_at, updated_at "
            + "FROM knowledge_domain_view";
    /** By code point, not by the server's locale, so every database lists them in the same order. */
    private static final String ORDER = " ORDER BY name COLLATE \"C\", id";
    private final JdbcTemplate jdbc;

    public KnowledgeDomainQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Knowledge domains by name, or only the one named exactly {@code name} when given; retired ones only when asked,
     * as pickers hide them.
     */
    public List<KnowledgeDomainView> list(String name, boolean includeRetired) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!includeRetired) {
            where.add("NOT retired");
        }
        if (name != null) {
            where.add("name = ?");
            args.add(name);
        }
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + ORDER;
        return jdbc.query(sql, KnowledgeDomainQueries::row, args.toArray());
    }

    public Optional<KnowledgeDomainView> byId(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", KnowledgeDomainQueries::row, id).stream().findFirst();
    }

    /** Named by id only: names contain '/', so they never stand in a URL path. */
    public Optional<KnowledgeDomainView> byReference(String reference) {
        return References.id(reference).flatMap(this::byId);
    }

    private static KnowledgeDomainView row(ResultSet rs, int i) throws SQLException {
        return new KnowledgeDomainView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("retired"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
