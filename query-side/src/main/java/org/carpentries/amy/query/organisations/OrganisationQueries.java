package org.carpentries.amy.query.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.Like;
import org.carpentries.amy.query.References;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads organisations, ordered by domain as AMY listed hosts. */
@Component
public class OrganisationQueries {

    private static final String SELECT = "SELECT id, domain, fullname, country, notes, version, created_at, "
            + "updated_at FROM organisation_view";
    private final JdbcTemplate jdbc;

    public OrganisationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Organisations whose domain or full name contains {@code search} (case-insensitive), or all. */
    public List<OrganisationView> list(String search) {
        if (search == null || search.isBlank()) {
            return jdbc.query(SELECT + " ORDER BY domain", OrganisationQueries::row);
        }
        String like = Like.containing(search);
        return jdbc.query(SELECT + " WHERE lower(domain) LIKE ? OR lower(fullname) LIKE ? ORDER BY domain",
                OrganisationQueries::row, like, like);
    }

    public Optional<OrganisationView> byId(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", OrganisationQueries::row, id).stream().findFirst();
    }

    /** An organisation named by id (a UUID) or by domain. */
    public Optional<OrganisationView> byReference(String reference) {
        Optional<UUID> id = References.id(reference);
        if (id.isPresent()) {
            return byId(id.get());
        }
        return jdbc.query(SELECT + " WHERE domain = ?", OrganisationQueries::row, reference).stream().findFirst();
    }

    private static OrganisationView row(ResultSet rs, int i) throws SQLException {
        return new OrganisationView(rs.getObject("id", UUID.class), rs.getString("domain"), rs.getString("fullname"),
                rs.getString("country"), rs.getString("notes"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
