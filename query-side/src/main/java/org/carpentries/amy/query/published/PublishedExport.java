package org.carpentries.amy.query.published;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.carpentries.amy.query.Renders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Serves the published export from its read model: fragments joined in AMY's order ({@code start} descending,
 * then creation), cached per query until the model's position moves. The ETag is a digest of the bytes, and the
 * position is kept in memory, so a poll that matches costs no query at all.
 */
@Component
public class PublishedExport {

    static final long STATE_TTL_MILLIS = 1_000;
    private static final long STATE_TTL_NANOS = STATE_TTL_MILLIS * 1_000_000;
    /** Rows fetched a page at a time; {@link #paged} reads with cursors of this size inside the snapshot. */
    private static final int PAGE = 500;
    private final AtomicLong changes = new AtomicLong();
    private volatile Read read;
    private final JdbcTemplate jdbc;
    private final JdbcTemplate paged;
    private final TransactionTemplate snapshot;
    private final ExportCache<PublishedQuery> cache;
    private final Renders renders;
    private final Map<String, UUID> tagIds = new ConcurrentHashMap<>();

    private final boolean caching;

    /**
     * With {@code amy.export-cache=false} every request serialises every record from its fields, as AMY did, with
     * neither the cache nor the projection's fragments: only for measuring what they save. The cache keeps at most
     * {@code amy.export-cache-size} of documents; every render takes one of the {@link Renders} slots.
     */
    public PublishedExport(JdbcTemplate jdbc, PlatformTransactionManager transactions, Renders renders,
                           @Value("${amy.export-cache:true}") boolean caching,
                           @Value("${amy.export-cache-size:48MB}") DataSize cacheSize) {
        this.jdbc = jdbc;
        this.renders = renders;
        this.cache = new ExportCache<>(cacheSize.toBytes());
        this.paged = new JdbcTemplate(jdbc.getDataSource());
        paged.setFetchSize(PAGE);
        this.caching = caching;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /**
     * The export's position and the time of its last change, as read at most {@value #STATE_TTL_MILLIS} ms ago: this
     * node's projection says at once when it moves the position ({@link #changed()}), so only a change projected
     * by another node can take up to that long to show. Every request asks, even a 304; none waits for PostgreSQL.
     */
    public State state() {
        Read r = read;
        long now = System.nanoTime();
        if (r != null && now - r.at() < STATE_TTL_NANOS) {
            return r.state();
        }
        long generation = changes.get();
        State s = stored();
        // A change announced while we read may not be in what we read: keep it only if none came meanwhile.
        if (changes.get() == generation) {
            read = new Read(s, now);
        }
        return s;
    }

    /** The position moved (committed): the next request reads it anew. */
    public void changed() {
        changes.incrementAndGet();
        read = null;
    }

    private State stored() {
        List<State> s = jdbc.query("SELECT position, changed_at FROM published_state WHERE id = 1",
                (rs, i) -> new State(rs.getLong(1), rs.getTimestamp(2).toInstant()));
        return s.isEmpty() ? new State(-1, Instant.EPOCH) : s.get(0);
    }

    private record Read(State state, long at) {
    }

    /** A rebuild replaced the tables, perhaps with other content at the same position: render everything anew. */
    public void replaced() {
        cache.clear();
        changed();
    }

    /** A tag the export knows, by its exact name; retired tags included. */
    public Optional<UUID> tag(String name) {
        // A tag's name and id never change (retired tags keep both), so a name once found is kept: the websites'
        // ?tag=SWC polls need no query for it. Unknown names are asked again each time.
        UUID known = tagIds.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> found = jdbc.queryForList("SELECT id FROM published_tag WHERE name = ?", UUID.class, name)
                .stream().findFirst();
        found.ifPresent(id -> tagIds.put(name, id));
        return found;
    }

    /**
     * The document for the query: from the cache while the export's position has not moved, rendered anew (in one
     * snapshot) when it has. Its strong ETag is a digest of its bytes, so equal ETags always mean equal bytes, also
     * across a rebuild.
     */
    public ExportDocument render(PublishedQuery query) {
        if (!caching) {
            return renderNow(query).document();
        }
        return cache.get(query, state().position(), () -> renderNow(query));
    }

    /** The document rendered in one snapshot, in one of the {@link Renders} slots. */
    private ExportCache.Rendered renderNow(PublishedQuery query) {
        return renders.render(() -> snapshot.execute(tx -> build(query)));
    }

    private ExportCache.Rendered build(PublishedQuery q) {
        State state = stored();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE published AND NOT archived");
        if (q.hostId() != null) {
            where.append(" AND host_id = ?");
            args.add(q.hostId());
        }
        if (q.administratorId() != null) {
            where.append(" AND administrator_id = ?");
            args.add(q.administratorId());
        }
        if (!q.tagIds().isEmpty()) {
            where.append(" AND tag_ids @> ?");
            args.add(q.tagIds().toArray(UUID[]::new));
        }
        String order = " ORDER BY start_date DESC, created_seq";
        String w = where.toString();
        // The CSV's header needs every row, so it is written from the records whether cached or not; JSON and YAML
        // join the projection's fragments, or, as AMY did without the cache, serialise every record anew.
        byte[] bytes = switch (q.format()) {
            case CSV -> DrfCsv.write(records(w, order, args).stream().map(PublishedRecord::csvFields).toList())
                    .getBytes(StandardCharsets.UTF_8);
            case JSON -> caching ? fragments(DrfJson.LIST, "json_item", w, order, args)
                    : serialised(DrfJson.LIST, PublishedRecord::json, w, order, args);
            case YAML -> caching ? fragments(PyYaml.LIST, "yaml_item", w, order, args)
                    : serialised(PyYaml.LIST, PublishedRecord::yaml, w, order, args);
        };
        return new ExportCache.Rendered(state.position(),
                ExportDocument.of(bytes, state.changedAt(), q.format().mediaType()));
    }

    /**
     * The projection's fragments in the export's order, written straight into the document's bytes: the rows come
     * from a cursor a page at a time, and the buffer is sized beforehand in the same snapshot, so a render holds one
     * copy of the document and one page of rows, not every fragment's string and the joined string besides.
     */
    private byte[] fragments(ListDocument list, String column, String where, String order, List<Object> args) {
        Object[] params = args.toArray();
        long[] size = jdbc.queryForObject("SELECT count(*), coalesce(sum(octet_length(" + column + ")), 0) "
                + "FROM published_workshop" + where, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, params);
        ListDocument.Writer out = list.writer(size == null ? 0 : list.size(size[0], size[1]));
        paged.query("SELECT " + column + " FROM published_workshop" + where + order,
                (RowCallbackHandler) rs -> out.add(rs.getString(1)), params);
        return out.bytes();
    }

    /**
     * Every record serialised from its fields as its row arrives, written straight into the document's bytes: a
     * render holds the document and a page of rows, not every record, its text and the joined text besides.
     */
    private byte[] serialised(ListDocument list, Function<PublishedRecord, String> item,
                              String where, String order, List<Object> args) {
        ListDocument.Writer out = list.writer(0);
        records(where, order, args, record -> out.add(item.apply(record)));
        return out.bytes();
    }

    /**
     * The document of these records, already selected and in the export's order: what the fragments kept by the
     * projection add up to, and what an export as of an earlier instant is rendered with.
     */
    public static String body(ExportFormat format, List<PublishedRecord> records) {
        return switch (format) {
            case JSON -> DrfJson.document(records.stream().map(PublishedRecord::json).toList());
            case YAML -> PyYaml.document(records.stream().map(PublishedRecord::yaml).toList());
            case CSV -> DrfCsv.write(records.stream().map(PublishedRecord::csvFields).toList());
        };
    }

    private List<PublishedRecord> records(String where, String order, List<Object> args) {
        List<PublishedRecord> records = new ArrayList<>();
        records(where, order, args, records::add);
        return records;
    }

    /** The selected records in the export's order, read a page at a time, each handed on as it is read. */
    private void records(String where, String order, List<Object> args, Consumer<PublishedRecord> each) {
        Map<UUID, String> tagNames = new LinkedHashMap<>();
        jdbc.query("SELECT id, name FROM published_tag ORDER BY created_seq",
                rs -> {
                    tagNames.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        List<String> tagOrder = new ArrayList<>(tagNames.keySet().stream().map(UUID::toString).toList());
        String sql = "SELECT slug, start_date, end_date, url, contact, country, venue, address, latitude, "
                + "longitude, registration_key, tag_ids FROM published_workshop" + where + order;
        paged.query(sql, (RowCallbackHandler) rs -> {
            UUID[] ids = uuids(rs.getArray(12));
            List<String> names = java.util.Arrays.stream(ids).sorted(java.util.Comparator.comparingInt(
                    id -> tagOrder.indexOf(id.toString()))).map(tagNames::get).toList();
            java.sql.Date start = rs.getDate(2);
            java.sql.Date end = rs.getDate(3);
            each.accept(new PublishedRecord(rs.getString(1), start == null ? null : start.toLocalDate(),
                    end == null ? null : end.toLocalDate(), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8), rs.getObject(9, Double.class), rs.getObject(10, Double.class),
                    rs.getString(11), names));
        }, args.toArray());
    }

    private static UUID[] uuids(Array array) throws SQLException {
        return array == null ? new UUID[0] : (UUID[]) array.getArray();
    }

    /** The export read model's position and the time of its last change. */
    public record State(long position, Instant changedAt) {
    }
}
