package org.carpentries.amy.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole-document renders take turns: never more at once than the slots, each waiting in order for one, refused
 * once it has waited its longest, and never holding a slot after it ends, however it ends.
 */
class RendersTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void neverMoreRendersRunAtOnceThanTheSlots() throws Exception {
        Renders renders = new Renders(2, Duration.ofMinutes(1));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            answers.add(pool.submit(() -> renders.render(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Latches.await(release);
                running.decrementAndGet();
                return n;
            })));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> renders.waited() == 6 && running.get() == 2);
        assertThat(renders.running()).isEqualTo(2);
        release.countDown();

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(renders.running()).isZero();
        assertThat(renders.refused()).isZero();
    }

    @Test
    void aRenderThatFindsEverySlotTakenForItsWholeWaitIsRefusedWithoutRunning() throws Exception {
        Renders renders = new Renders(1, Duration.ZERO);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> renders.render(() -> {
            holding.countDown();
            Latches.await(release);
            return "first";
        }));
        Latches.await(holding);
        AtomicInteger ran = new AtomicInteger();

        assertThatThrownBy(() -> renders.render(ran::incrementAndGet))
                .isInstanceOfSatisfying(Renders.Busy.class, e -> assertThat(e.retryAfterSeconds()).isPositive())
                .hasMessageContaining("rendering 1 other large document");
        assertThat(ran.get()).isZero();
        assertThat(renders.refused()).isEqualTo(1);

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(renders.render(ran::incrementAndGet)).isEqualTo(1);
    }

    @Test
    void aRenderInsideAnotherOnTheSameThreadTakesNoSecondSlot() {
        Renders renders = new Renders(1, Duration.ZERO);

        assertThat(renders.render(() -> renders.render(() -> 42) + 1)).isEqualTo(43);
        assertThat(renders.running()).isZero();
    }

    @Test
    void aFailedRenderGivesItsSlotBack() {
        Renders renders = new Renders(1, Duration.ZERO);

        assertThatThrownBy(() -> renders.render(() -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");

        assertThat(renders.running()).isZero();
        assertThat(renders.render(() -> "again")).isEqualTo("again");
    }

    @Test
    void aWaitingRenderThatIsInterruptedIsRefusedAndKeepsItsInterrupt() throws Exception {
        Renders renders = new Renders(1, Duration.ofMinutes(1));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> renders.render(() -> {
            holding.countDown();
            Latches.await(release);
            return null;
        }));
        Latches.await(holding);
        AtomicReference<Thread> waiter = new AtomicReference<>();
        Future<Boolean> interrupted = pool.submit(() -> {
            waiter.set(Thread.currentThread());
            try {
                renders.render(() -> "never");
                return false;
            } catch (Renders.Busy e) {
                return Thread.currentThread().isInterrupted();
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> waiter.get() != null
                && waiter.get().getState() == Thread.State.TIMED_WAITING);

        waiter.get().interrupt();

        assertThat(interrupted.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(renders.refused()).isEqualTo(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> renders.running() == 0);
    }

    @Test
    void slotsAndWaitAreChecked() {
        assertThatThrownBy(() -> new Renders(0, Duration.ZERO)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new Renders(1, Duration.ofSeconds(-1))).hasMessageContaining("must not be negative");
    }
}
