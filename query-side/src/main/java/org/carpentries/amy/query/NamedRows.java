package org.carpentries.amy.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of a read model of named, retirable records ({@code id, name, retired, version, created_at,
 * updated_at}): lessons, roles and knowledge domains. Upserts and updates only, so a replayed event changes nothing.
 */
public final class NamedRows {

    private final JdbcTemplate jdbc;
    private final String insert;
    private final String rename;
    private final String retire;
    private final String reset;

    public NamedRows(JdbcTemplate jdbc, Tables tables, String table) {
        this.jdbc = jdbc;
        String t = tables.of(table);
        insert = "INSERT INTO " + t + " (id, name, retired, version, created_at, updated_at) "
                + "VALUES (?, ?, FALSE, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, retired = FALSE, "
                + "version = excluded.version, updated_at = excluded.updated_at";
        rename = "UPDATE " + t + " SET name = ?, version = ?, updated_at = ? WHERE id = ?";
        retire = "UPDATE " + t + " SET retired = ?, version = ?, updated_at = ? WHERE id = ?";
        reset = "DELETE FROM " + t;
    }

    public void created(UUID id, String name, long version, Instant at) {
        jdbc.update(insert, id, name, version, Timestamp.from(at), Timestamp.from(at));
    }

    public void renamed(UUID id, String name, long version, Instant at) {
        jdbc.update(rename, name, version, Timestamp.from(at), id);
    }

    public void retired(UUID id, boolean retired, long version, Instant at) {
        jdbc.update(retire, retired, version, Timestamp.from(at), id);
    }

    public void reset() {
        jdbc.update(reset);
    }
}
