package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchTraceTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final BatchTrace trace = new BatchTrace(Duration.ofMillis(20), now::get);

    private void batch(String processor, long startMs, long endMs, long... positions) {
        now.set(startMs * MS);
        BatchTrace.Batch batch = trace.started(processor);
        for (long position : positions) {
            batch.handled(position, "E" + position);
        }
        batch.prepared();
        batch.committed();
        now.set(endMs * MS);
        batch.woke();
    }

    @Test
    void aSlowWaitShowsTheBatchBeforeItAndThoseOverlappingItOfItsProcessorsOnly() {
        batch("workshops", 990, 995, 7, 8);
        batch("workshops", 996, 999, 9);
        batch("tags", 1_001, 1_003, 10);
        batch("workshops", 1_000, 1_040, 10, 11, 12);
        batch("workshops", 1_050, 1_052, 13);

        String line = trace.describe(1_000 * MS, 1_041 * MS, List.of(10L), List.of("workshops"),
                new long[] {3, 40}, new long[] {4, 48});

        assertThat(line).startsWith("slow wait 41.0 ms for [10] in [workshops]; gc 1 pauses 8 ms; batches:")
                .contains("[workshops 1 events 9..9: start -4.0")
                .contains("[workshops 3 events 10..12: start +0.0 handled +0.0 stored +0.0 committed +0.0 woke +40.0;")
                .doesNotContain("7..8", "tags", "13..13");
    }

    @Test
    void aBatchNamesItsSlowestEvent() {
        now.set(1_000 * MS);
        BatchTrace.Batch batch = trace.started("workshops");
        now.set(1_002 * MS);
        batch.handled(20, "TaskAdded");
        now.set(1_015 * MS);
        batch.handled(21, "WorkshopEdited");
        now.set(1_016 * MS);
        batch.handled(22, "TagAssigned");
        batch.prepared();
        batch.committed();
        batch.woke();

        String line = trace.describe(1_000 * MS, 1_030 * MS, List.of(22L), List.of("workshops"),
                new long[] {0, 0}, new long[] {0, 0});

        assertThat(line).contains("[workshops 3 events 20..22: start +0.0 handled +16.0 stored +16.0 committed +16.0"
                + " woke +16.0; slowest WorkshopEdited 13.0 ms]");
    }

    @Test
    void theTraceIsOnOnlyWithASettingAboveZero() {
        assertThat(trace.enabled()).isTrue();
        assertThat(new BatchTrace(Duration.ZERO).enabled()).isFalse();
    }

    @Test
    void theRingKeepsOnlyTheLatestBatches() {
        for (int i = 0; i < BatchTrace.KEPT + 5; i++) {
            batch("workshops", 2 * i, 2 * i + 1, i);
        }
        long last = BatchTrace.KEPT + 4;

        String line = trace.describe(0, (2 * last + 2) * MS, List.of(last), List.of("workshops"),
                new long[] {0, 0}, new long[] {0, 0});

        assertThat(line).contains("[workshops 1 events 5..5:").doesNotContain("events 4..4:")
                .contains("events " + last + ".." + last + ":");
    }
}
