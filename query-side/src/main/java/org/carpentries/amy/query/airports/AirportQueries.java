package org.carpentries.amy.query.airports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.Like;
import org.carpentries.amy.query.References;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads airports, ordered by IATA code. Codes are stored upper-case, so a code is found in any case. */
@Component
public class AirportQueries {

    private static final String SELECT = "SELECT id, iata, fullname, country, latitude, longitude, retired, version, "
            + "created_at, updated_at FROM airport_view";
    /** By code point, not by the server's locale, so every database lists them in the same order. */
    private static final String ORDER = " ORDER BY iata COLLATE \"C\", id";
    private final JdbcTemplate jdbc;

    public AirportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Airports whose code or name contains {@code search} (case-insensitive), or all; retired ones only when asked,
     * as pickers hide them.
     */
    public List<AirportView> list(String search, boolean includeRetired) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!includeRetired) {
            where.add("NOT retired");
        }
        if (search != null && !search.isBlank()) {
            String like = Like.containing(search);
            where.add("(lower(iata) LIKE ? OR lower(fullname) LIKE ?)");
            args.add(like);
            args.add(like);
        }
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + ORDER;
        return jdbc.query(sql, AirportQueries::row, args.toArray());
    }

    public Optional<AirportView> byId(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", AirportQueries::row, id).stream().findFirst();
    }

    /** An airport named by id (a UUID) or by IATA code, in any case. */
    public Optional<AirportView> byReference(String reference) {
        Optional<UUID> id = References.id(reference);
        if (id.isPresent()) {
            return byId(id.get());
        }
        return jdbc.query(SELECT + " WHERE iata = ?", AirportQueries::row,
                reference.strip().toUpperCase(Locale.ROOT)).stream().findFirst();
    }

    private static AirportView row(ResultSet rs, int i) throws SQLException {
        return new AirportView(rs.getObject("id", UUID.class), rs.getString("iata"), rs.getString("fullname"),
                rs.getString("country"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getBoolean("retired"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
