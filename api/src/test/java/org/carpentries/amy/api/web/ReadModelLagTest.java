package org.carpentries.amy.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadModelLagTest {

    @Test
    void bucketsAreATenthOfAMillisecondUpTo100MsThenTenMillisecondsUpToTenSeconds() {
        assertThat(ReadModelLag.bucket(0)).isZero();
        assertThat(ReadModelLag.bucket(99_999)).isZero();
        assertThat(ReadModelLag.bucket(100_000)).isEqualTo(1);
        assertThat(ReadModelLag.upperMillis(0)).isEqualTo(0.1);
        assertThat(ReadModelLag.bucket(99_999_999)).isEqualTo(999);
        assertThat(ReadModelLag.upperMillis(999)).isEqualTo(100.0);
        assertThat(ReadModelLag.bucket(100_000_000)).isEqualTo(1000);
        assertThat(ReadModelLag.upperMillis(1000)).isEqualTo(110.0);
        assertThat(ReadModelLag.upperMillis(ReadModelLag.bucket(9_999_999_999L))).isEqualTo(10_000.0);
        assertThat(ReadModelLag.upperMillis(ReadModelLag.bucket(60_000_000_000L))).isNull();
        assertThat(ReadModelLag.bucket(-5)).isZero();
    }

    @Test
    void aSnapshotListsTheNonEmptyBucketsCumulatively() {
        ReadModelLag lag = new ReadModelLag();
        lag.record(1_250_000);
        lag.record(1_260_000);
        lag.record(250_000_000);
        ReadModelLag.Snapshot first = lag.snapshot();
        assertThat(first.count()).isEqualTo(3);
        assertThat(first.buckets()).containsExactly(new ReadModelLag.Bucket(1.3, 2),
                new ReadModelLag.Bucket(260.0, 1));
        lag.record(1_299_999);
        assertThat(lag.snapshot().buckets().get(0)).isEqualTo(new ReadModelLag.Bucket(1.3, 3));
    }
}
