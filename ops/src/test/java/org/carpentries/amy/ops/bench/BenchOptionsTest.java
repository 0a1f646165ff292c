package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsMeasureBothEnginesAtOneFourAndSixtyFourClientsInThreeRounds() {
        BenchOptions options = BenchOptions.parse();
        assertThat(options.engines()).containsExactly("jpa", "jdbc");
        assertThat(options.clients()).containsExactly(1, 4, 64);
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.workshops()).isEqualTo(3 * options.perClient() * 69);
    }

    @Test
    void quickIsASmallerWorkload() {
        assertThat(BenchOptions.parse("--quick").workshops()).isLessThan(BenchOptions.parse().workshops());
        assertThat(BenchOptions.parse("--quick").rawDuration()).isLessThan(BenchOptions.parse().rawDuration());
    }

    @Test
    void enginesTakeTurnsLeading() {
        BenchOptions options = BenchOptions.parse("--engines", "jpa,jdbc");
        assertThat(options.enginesInRound(0)).containsExactly("jpa", "jdbc");
        assertThat(options.enginesInRound(1)).containsExactly("jdbc", "jpa");
        assertThat(options.enginesInRound(2)).containsExactly("jpa", "jdbc");
    }

    @Test
    void optionsAreChecked() {
        assertThat(BenchOptions.parse("--clients", "2,8", "--per-client", "3").workshops()).isEqualTo(3 * 3 * 10);
        assertThatThrownBy(() -> BenchOptions.parse("--engines", "axonserver"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--rounds")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--rounds", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--bogus")).isInstanceOf(IllegalArgumentException.class);
        assertThat(BenchOptions.parse("--engines", "jdbc").enginesInRound(1)).isEqualTo(List.of("jdbc"));
    }
}
