package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static final double[] ONE_TO_HUNDRED = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

    @Test
    void percentileIsTheNearestRankSoItIsAlwaysAMeasuredValue() {
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 50)).isEqualTo(50);
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 99)).isEqualTo(99);
        assertThat(Stats.percentile(ONE_TO_HUNDRED, 100)).isEqualTo(100);
        assertThat(Stats.percentile(new double[] {3, 1, 2}, 50)).isEqualTo(2);
        assertThat(Stats.percentile(new double[] {10, 20}, 50)).isEqualTo(10);
    }

    @Test
    void p99OfFewSamplesIsTheLargest() {
        assertThat(Stats.percentile(new double[] {5, 1, 9, 7}, 99)).isEqualTo(9);
        assertThat(Stats.percentile(new double[] {42}, 1)).isEqualTo(42);
    }

    @Test
    void percentileDoesNotReorderTheCallersSamples() {
        double[] samples = {3, 1, 2};
        Stats.percentile(samples, 50);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void percentileRejectsNoSamplesAndImpossibleRanks() {
        assertThatThrownBy(() -> Stats.percentile(new double[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(ONE_TO_HUNDRED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.percentile(ONE_TO_HUNDRED, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spreadGivesMedianMinMaxAndKeepsTheSamplesInMeasuredOrder() {
        Stats.Spread odd = Stats.spread(List.of(30.0, 10.0, 20.0));
        assertThat(odd.median()).isEqualTo(20);
        assertThat(odd.min()).isEqualTo(10);
        assertThat(odd.max()).isEqualTo(30);
        assertThat(odd.samples()).containsExactly(30.0, 10.0, 20.0);

        assertThat(Stats.spread(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }
}
