package org.carpentries.amy.query.roles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.References;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads roles. Names are matched exactly (case-sensitive), as they are unique. */
@Component
public class RoleQueries {

    private static final String SELECT = "SELECT id, name, retired, version, created_at, updated_at FROM role_view";
    /** By code point, not by the server's locale, so every database lists them in the same order. */
    private static final String ORDER = " ORDER BY name COLLATE \"C\", id";
    private final JdbcTemplate jdbc;

    public RoleQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All roles by name; retired ones only when asked, as pickers hide them. */
    public List<RoleView> list(boolean includeRetired) {
        return jdbc.query(SELECT + (includeRetired ? "" : " WHERE NOT retired") + ORDER,
                RoleQueries::row);
    }

    public Optional<RoleView> byId(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", RoleQueries::row, id).stream().findFirst();
    }

    /** A role named by id (a UUID) or by its exact name. */
    public Optional<RoleView> byReference(String reference) {
        Optional<UUID> id = References.id(reference);
        if (id.isPresent()) {
            return byId(id.get());
        }
        return jdbc.query(SELECT + " WHERE name = ?", RoleQueries::row, reference).stream().findFirst();
    }

    private static RoleView row(ResultSet rs, int i) throws SQLException {
        return new RoleView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("retired"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
