package org.carpentries.amy.query.published;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered export documents by query, each kept while its export's position has not moved; at most {@value LIMIT}
 * queries, then it starts afresh.
 */
public final class ExportCache<Q> {

    private static final int LIMIT = 256;
    private final Map<Q, Rendered> documents = new ConcurrentHashMap<>();

    /** A document and the export position it was rendered at. */
    public record Rendered(long position, ExportDocument document) {
    }

    /** The document for the query at this position: the kept one, or {@code render}'s, which is then kept. */
    public ExportDocument get(Q query, long position, Supplier<Rendered> render) {
        Rendered kept = documents.get(query);
        if (kept != null && kept.position() == position) {
            return kept.document();
        }
        Rendered rendered = render.get();
        if (documents.size() > LIMIT) {
            documents.clear();
        }
        documents.put(query, rendered);
        return rendered.document();
    }

    /** Forget every document: the tables were replaced, perhaps with other content at the same position. */
    public void clear() {
        documents.clear();
    }
}
