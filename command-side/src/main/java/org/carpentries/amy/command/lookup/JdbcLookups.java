package org.carpentries.amy.command.lookup;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lookups in PostgreSQL. A claim is one {@code INSERT … ON CONFLICT DO NOTHING}: of two concurrent claims of one
 * value, the second waits for the first to commit and then sees it taken, so the race ends in a clean rule
 * violation, not a constraint error.
 */
@Component
class JdbcLookups implements Lookups {

    private final JdbcTemplate jdbc;

    JdbcLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(UniqueKind kind, String value, UUID owner) {
        jdbc.update("INSERT INTO lookup_unique_value (kind, value, owner_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                kind.name(), value, owner);
        return holder(kind, value).map(owner::equals).orElse(false);
    }

    @Override
    public void release(UniqueKind kind, String value, UUID owner) {
        jdbc.update("DELETE FROM lookup_unique_value WHERE kind = ? AND value = ? AND owner_id = ?",
                kind.name(), value, owner);
    }

    @Override
    public Optional<UUID> holder(UniqueKind kind, String value) {
        return jdbc.query("SELECT owner_id FROM lookup_unique_value WHERE kind = ? AND value = ?",
                (rs, i) -> rs.getObject(1, UUID.class), kind.name(), value).stream().findFirst();
    }

    @Override
    public void putReference(ReferenceKind kind, UUID id, String label, boolean retired) {
        jdbc.update("""
                INSERT INTO lookup_reference (kind, id, label, retired) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, id) DO UPDATE SET label = excluded.label, retired = excluded.retired""",
                kind.name(), id, label, retired);
    }

    @Override
    public Optional<Reference> reference(ReferenceKind kind, UUID id) {
        return jdbc.query("SELECT id, label, retired FROM lookup_reference WHERE kind = ? AND id = ?",
                (rs, i) -> new Reference(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)),
                kind.name(), id).stream().findFirst();
    }
}
