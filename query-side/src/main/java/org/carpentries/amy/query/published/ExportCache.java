package org.carpentries.amy.query.published;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered export documents by query, each kept while its export's position has not moved; at most {@value LIMIT}
 * queries, then it starts afresh. One render per query at a time: requests that miss while the same query is being
 * rendered wait for that render instead of starting their own. Without that, the websites' polls right after a
 * change each rendered the whole document at once, and at full size (about 20 MB of YAML, a few times that while
 * rendering) eight of them ran the app out of its 256 MiB heap (docs/benchmarks.md).
 */
public final class ExportCache<Q> {

    private static final int LIMIT = 256;
    private final Map<Q, Rendered> documents = new ConcurrentHashMap<>();
    private final Map<Q, CompletableFuture<Rendered>> rendering = new ConcurrentHashMap<>();

    /** A document and the export position it was rendered at. */
    public record Rendered(long position, ExportDocument document) {
    }

    /**
     * The document for the query at this position: the kept one, the one being rendered when that render reaches at
     * least this position, or {@code render}'s, which is then kept.
     */
    public ExportDocument get(Q query, long position, Supplier<Rendered> render) {
        while (true) {
            Rendered kept = documents.get(query);
            if (kept != null && kept.position() == position) {
                return kept.document();
            }
            CompletableFuture<Rendered> mine = new CompletableFuture<>();
            CompletableFuture<Rendered> running = rendering.putIfAbsent(query, mine);
            if (running == null) {
                return render(query, render, mine).document();
            }
            Rendered theirs = awaitRender(running);
            if (theirs.position() >= position) {
                return theirs.document();
            }
            // That render began before the change this request knows of: look again (and render if no one is).
        }
    }

    private Rendered render(Q query, Supplier<Rendered> render, CompletableFuture<Rendered> mine) {
        try {
            Rendered rendered = render.get();
            if (documents.size() > LIMIT) {
                documents.clear();
            }
            documents.put(query, rendered);
            mine.complete(rendered);
            return rendered;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(query, mine);
        }
    }

    private static <R> R awaitRender(CompletableFuture<R> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Forget every document: the tables were replaced, perhaps with other content at the same position. */
    public void clear() {
        documents.clear();
    }
}
