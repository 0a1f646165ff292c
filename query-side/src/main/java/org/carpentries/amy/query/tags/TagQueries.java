package org.carpentries.amy.query.tags;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.query.References;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads tags. Lookups by name are case-sensitive, as AMY's tag names are. */
@Component
public class TagQueries {

    private static final String SELECT = """
            SELECT t.id, t.name, t.details, t.retired, t.version, t.created_at, t.updated_at,
                   (SELECT count(*) FROM workshop_tag_view wt JOIN workshop_view w ON w.id = wt.workshop_id
                     WHERE wt.tag_id = t.id AND NOT w.archived) AS workshops
              FROM tag_view t""";
    private final JdbcTemplate jdbc;

    public TagQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All tags in creation order (AMY's database order); retired ones only when asked, as pickers hide them. */
    public List<TagView> list(boolean includeRetired) {
        return jdbc.query(SELECT + (includeRetired ? "" : " WHERE NOT t.retired") + " ORDER BY t.created_seq",
                TagQueries::row);
    }

    public Optional<TagView> byId(UUID id) {
        return jdbc.query(SELECT + " WHERE t.id = ?", TagQueries::row, id).stream().findFirst();
    }

    public Optional<TagView> byName(String name) {
        return jdbc.query(SELECT + " WHERE t.name = ?", TagQueries::row, name).stream().findFirst();
    }

    /** A tag named by id (a UUID) or by name. */
    public Optional<TagView> byReference(String reference) {
        Optional<UUID> id = References.id(reference);
        return id.isPresent() ? byId(id.get()) : byName(reference);
    }

    /**
     * The id of the tag named by id (a UUID) or by name, without the view's count of workshops: resolving the tags a
     * command names must not count every workshop a tag labels (a nested loop over thousands of rows per tag).
     */
    public Optional<UUID> idOf(String reference) {
        Optional<UUID> id = References.id(reference);
        return id.isPresent() ? id("id", id.get()) : idByName(reference);
    }

    /** The id of the tag with this name, without counting its workshops (see {@link #idOf}). */
    public Optional<UUID> idByName(String name) {
        return id("name", name);
    }

    private Optional<UUID> id(String column, Object value) {
        return jdbc.query("SELECT id FROM tag_view WHERE " + column + " = ?", (rs, i) -> rs.getObject(1, UUID.class),
                value).stream().findFirst();
    }

    /** The workshops (not archived) that the tag labels now: id to slug, in slug order. */
    public java.util.Map<UUID, String> activeWorkshops(UUID tagId) {
        var workshops = new java.util.LinkedHashMap<UUID, String>();
        jdbc.query("SELECT w.id, w.slug FROM workshop_tag_view wt JOIN workshop_view w ON w.id = wt.workshop_id "
                + "WHERE wt.tag_id = ? AND NOT w.archived ORDER BY w.slug", rs -> {
                    workshops.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, tagId);
        return workshops;
    }

    /** Names of the given tags, by id. */
    public java.util.Map<UUID, String> names(Collection<UUID> ids) {
        var names = new java.util.HashMap<UUID, String>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.query("SELECT id, name FROM tag_view WHERE id = ANY(?)",
                rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, (Object) ids.toArray(UUID[]::new));
        return names;
    }

    private static TagView row(ResultSet rs, int i) throws SQLException {
        return new TagView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("details"),
                rs.getBoolean("retired"), rs.getLong("version"), rs.getLong("workshops"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
