package org.carpentries.amy.query.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.carpentries.amy.query.Latches;
import org.junit.jupiter.api.Test;

class ExportCacheTest {

    private final ExportCache<String> cache = new ExportCache<>(1 << 20);
    private final AtomicInteger renders = new AtomicInteger();

    private Supplier<ExportCache.Rendered> rendering(long position, CountDownLatch started, CountDownLatch release) {
        return () -> {
            renders.incrementAndGet();
            started.countDown();
            Latches.await(release);
            return new ExportCache.Rendered(position, ExportDocument.of(("at " + position)
                    .getBytes(StandardCharsets.UTF_8), Instant.EPOCH, "application/yaml"));
        };
    }

    @Test
    void requestsThatMissWhileTheQueryIsRenderedWaitForThatRender() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExportDocument>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> cache.get("yaml", 7, rendering(7, started, release))));
            Latches.await(started);
            List<Thread> waiting = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                answers.add(pool.submit(() -> {
                    synchronized (waiting) {
                        waiting.add(Thread.currentThread());
                    }
                    return cache.get("yaml", 7, rendering(7, new CountDownLatch(1), new CountDownLatch(0)));
                }));
            }
            awaitParked(waiting, 7);
            release.countDown();

            for (Future<ExportDocument> answer : answers) {
                assertThat(new String(answer.get(30, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                        .isEqualTo("at 7");
            }
            assertThat(renders).hasValue(1);
            // Kept: a later request at the same position renders nothing.
            cache.get("yaml", 7, rendering(7, new CountDownLatch(1), new CountDownLatch(0)));
            assertThat(renders).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestThatKnowsOfALaterChangeThanTheRenderInFlightRendersAgain() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ExportDocument> older = pool.submit(() -> cache.get("yaml", 7, rendering(7, started, release)));
            Latches.await(started);
            List<Thread> waiting = new ArrayList<>();
            Future<ExportDocument> newer = pool.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                return cache.get("yaml", 8, rendering(8, new CountDownLatch(1), new CountDownLatch(0)));
            });
            awaitParked(waiting, 1);
            release.countDown();

            assertThat(new String(older.get(30, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("at 7");
            assertThat(new String(newer.get(30, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("at 8");
            assertThat(renders).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedRenderFailsItsWaitersAndKeepsNothing() {
        assertThatThrownBy(() -> cache.get("yaml", 3, () -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");

        ExportDocument document = cache.get("yaml", 3, rendering(3, new CountDownLatch(1), new CountDownLatch(0)));

        assertThat(new String(document.body(), StandardCharsets.UTF_8)).isEqualTo("at 3");
    }

    @Test
    void documentsPastTheCacheSizeDropThoseAnsweredLongestAgo() {
        ExportCache<String> small = new ExportCache<>(10);
        AtomicInteger rendered = new AtomicInteger();
        small.get("a", 1, sized(4, rendered));
        small.get("b", 1, sized(4, rendered));
        small.get("a", 1, sized(4, rendered));

        small.get("c", 1, sized(4, rendered));

        assertThat(small.kept()).isEqualTo(2);
        assertThat(small.keptBytes()).isEqualTo(8);
        assertThat(rendered.get()).isEqualTo(3);
        small.get("a", 1, sized(4, rendered));
        small.get("c", 1, sized(4, rendered));
        assertThat(rendered.get()).as("a and c are kept").isEqualTo(3);
        small.get("b", 1, sized(4, rendered));
        assertThat(rendered.get()).as("b was dropped, answered longest ago").isEqualTo(4);
    }

    @Test
    void aDocumentLargerThanTheWholeCacheIsKeptAlone() {
        ExportCache<String> small = new ExportCache<>(10);
        AtomicInteger rendered = new AtomicInteger();
        small.get("a", 1, sized(4, rendered));

        small.get("big", 1, sized(25, rendered));
        small.get("big", 1, sized(25, rendered));

        assertThat(rendered.get()).isEqualTo(2);
        assertThat(small.kept()).isEqualTo(1);
        assertThat(small.keptBytes()).isEqualTo(25);
    }

    @Test
    void aDocumentRenderedAnewReplacesItsOldBytes() {
        ExportCache<String> small = new ExportCache<>(10);
        AtomicInteger rendered = new AtomicInteger();
        small.get("a", 1, sized(4, rendered));

        small.get("a", 2, sized(6, rendered));

        assertThat(small.kept()).isEqualTo(1);
        assertThat(small.keptBytes()).isEqualTo(6);
        small.clear();
        assertThat(small.keptBytes()).isZero();
    }

    private static Supplier<ExportCache.Rendered> sized(int bytes, AtomicInteger rendered) {
        return () -> {
            rendered.incrementAndGet();
            return new ExportCache.Rendered(1, ExportDocument.of(new byte[bytes], Instant.EPOCH, "application/yaml"));
        };
    }

    /** Until {@code count} threads have registered and each is parked (waiting on the render in flight). */
    private static void awaitParked(List<Thread> threads, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            synchronized (threads) {
                if (threads.size() == count && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("The requests did not all wait for the render in flight");
    }
}
