package org.carpentries.amy.query.published;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered export documents by query, each kept while its export's position has not moved; at most {@value LIMIT}
 * queries and at most its size in bytes of documents: a document that does not fit makes room by dropping the
 * documents used longest ago (a document larger than the whole size is still kept, alone). One render per query at
 * a time: requests that miss while the same query is being rendered wait for that render instead of starting their
 * own. Without that, the websites' polls right after a change each rendered the whole document at once, and at full
 * size (then about 20 MB of YAML, a few times that while rendering) eight of them ran the app out of its 256 MiB
 * heap (docs/benchmarks.md).
 */
public final class ExportCache<Q> {

    private static final int LIMIT = 256;
    private final long maxBytes;
    private final Map<Q, Kept> documents = new ConcurrentHashMap<>();
    private final Map<Q, CompletableFuture<Rendered>> rendering = new ConcurrentHashMap<>();
    private long bytes;
    private final AtomicLong uses = new AtomicLong();

    /** A cache of at most {@code maxBytes} of documents' bodies. */
    public ExportCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("An export cache's size cannot be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** A document and the export position it was rendered at. */
    public record Rendered(long position, ExportDocument document) {
    }

    /** A kept document and when it was last answered, in this cache's uses. */
    private static final class Kept {

        final Rendered rendered;
        volatile long used;

        Kept(Rendered rendered, long used) {
            this.rendered = rendered;
            this.used = used;
        }

        long size() {
            return rendered.document().body().length;
        }
    }

    /**
     * The document for the query at this position: the kept one, the one being rendered when that render reaches at
     * least this position, or {@code render}'s, which is then kept.
     */
    public ExportDocument get(Q query, long position, Supplier<Rendered> render) {
        while (true) {
            Kept kept = documents.get(query);
            if (kept != null && kept.rendered.position() == position) {
                kept.used = uses.incrementAndGet();
                return kept.rendered.document();
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
            keep(query, rendered);
            mine.complete(rendered);
            return rendered;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(query, mine);
        }
    }

    /** Keeps the document, first dropping the documents used longest ago until it fits. */
    private synchronized void keep(Q query, Rendered rendered) {
        Kept replaced = documents.remove(query);
        if (replaced != null) {
            bytes -= replaced.size();
        }
        Kept kept = new Kept(rendered, uses.incrementAndGet());
        if (documents.size() >= LIMIT || bytes + kept.size() > maxBytes) {
            // Each document's last use is read once: answers move it meanwhile, and a sort must see fixed keys.
            List<Map.Entry<Q, Long>> byUse = new ArrayList<>();
            documents.forEach((q, k) -> byUse.add(Map.entry(q, k.used)));
            byUse.sort(Map.Entry.comparingByValue());
            for (Map.Entry<Q, Long> oldest : byUse) {
                if (documents.size() < LIMIT && bytes + kept.size() <= maxBytes) {
                    break;
                }
                Kept dropped = documents.remove(oldest.getKey());
                if (dropped != null) {
                    bytes -= dropped.size();
                }
            }
        }
        documents.put(query, kept);
        bytes += kept.size();
    }

    /** The bytes of the documents kept now. */
    public synchronized long keptBytes() {
        return bytes;
    }

    /** How many documents are kept now. */
    public int kept() {
        return documents.size();
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
    public synchronized void clear() {
        documents.clear();
        bytes = 0;
    }
}
