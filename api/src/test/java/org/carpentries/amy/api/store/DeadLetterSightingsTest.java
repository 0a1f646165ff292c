package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A write looks for its events among the dead letters only while there may be some: when the table held one at the
 * last look, from this node's decision to dead-letter on and for a grace after it, and it looks at the table at
 * most once a second.
 */
class DeadLetterSightingsTest {

    private final AtomicBoolean stored = new AtomicBoolean();
    private final AtomicInteger looks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private static final long GRACE_MILLIS = 30_000;
    private final DeadLetterSightings sightings = new DeadLetterSightings(() -> {
        looks.incrementAndGet();
        return stored.get();
    }, now::get, Duration.ofMillis(GRACE_MILLIS));

    @Test
    void anEmptyQueueIsLookedAtOnceASecond() {
        assertThat(sightings.mayHoldLetters()).isFalse();
        assertThat(sightings.mayHoldLetters()).isFalse();
        assertThat(looks.get()).isEqualTo(1);

        stored.set(true);
        advance(DeadLetterSightings.RECHECK_MILLIS - 1);
        assertThat(sightings.mayHoldLetters()).as("a letter from elsewhere, not seen yet").isFalse();
        advance(1);
        assertThat(sightings.mayHoldLetters()).isTrue();
        assertThat(looks.get()).isEqualTo(2);
    }

    @Test
    void aLetterInTheTableAtTheStartIsSeenAtOnce() {
        stored.set(true);

        assertThat(sightings.mayHoldLetters()).isTrue();
    }

    @Test
    void thisNodesDecisionToDeadLetterIsSeenAtOnceAndForTheGraceAfterIt() {
        assertThat(sightings.mayHoldLetters()).isFalse();

        sightings.enqueued();

        assertThat(sightings.mayHoldLetters()).isTrue();
        advance(DeadLetterSightings.RECHECK_MILLIS);
        assertThat(sightings.mayHoldLetters()).as("not committed yet, but decided").isTrue();
        advance(GRACE_MILLIS - DeadLetterSightings.RECHECK_MILLIS - 1);
        assertThat(sightings.mayHoldLetters()).as("still within the grace").isTrue();
        advance(DeadLetterSightings.RECHECK_MILLIS + 1);
        assertThat(sightings.mayHoldLetters()).as("past the grace, the table empty").isFalse();
    }

    @Test
    void aDecisionMadeWhileTheTableIsReadIsNotOverwrittenByWhatWasRead() {
        DeadLetterSightings[] self = new DeadLetterSightings[1];
        self[0] = new DeadLetterSightings(() -> {
            self[0].enqueued();
            return false;
        }, now::get, Duration.ZERO);

        assertThat(self[0].mayHoldLetters()).isTrue();
        assertThat(self[0].mayHoldLetters()).as("the decision's sighting stands").isTrue();
    }

    @Test
    void theGraceOutlastsTheLongestAWriteWaits() {
        assertThat(DeadLetterSightings.grace(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeadLetterSightings.grace(Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(145));
    }

    @Test
    void lettersRetriedOrEvictedAreForgottenAtTheNextLook() {
        stored.set(true);
        assertThat(sightings.mayHoldLetters()).isTrue();

        stored.set(false);
        advance(DeadLetterSightings.RECHECK_MILLIS);

        assertThat(sightings.mayHoldLetters()).isFalse();
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
