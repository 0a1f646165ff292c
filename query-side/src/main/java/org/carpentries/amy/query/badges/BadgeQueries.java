package org.carpentries.amy.query.badges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.References;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads badges, ordered by name. */
@Component
public class BadgeQueries {

    private static final String SELECT = "SELECT id, name, title, criteria, retired, version, created_at, updated_at "
            + "FROM badge_view";
    /** By code point, not by the server's locale, so every database lists them in the same order. */
    private static final String ORDER = " ORDER BY name COLLATE \"C\"";
    private final JdbcTemplate jdbc;

    public BadgeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All badges by name; retired ones only when asked, as pickers hide them. */
    public List<BadgeView> list(boolean includeRetired) {
        return jdbc.query(SELECT + (includeRetired ? "" : " WHERE NOT retired") + ORDER, BadgeQueries::row);
    }

    public Optional<BadgeView> byId(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", BadgeQueries::row, id).stream().findFirst();
    }

    /** A badge named by id (a UUID) or by name. */
    public Optional<BadgeView> byReference(String reference) {
        Optional<UUID> id = References.id(reference);
        if (id.isPresent()) {
            return byId(id.get());
        }
        return jdbc.query(SELECT + " WHERE name = ?", BadgeQueries::row, reference).stream().findFirst();
    }

    private static BadgeView row(ResultSet rs, int i) throws SQLException {
        return new BadgeView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("title"),
                rs.getString("criteria"), rs.getBoolean("retired"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
