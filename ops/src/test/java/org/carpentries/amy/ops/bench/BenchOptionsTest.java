package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreTheFullDataSetThreeRoundsAndOneFourAndSixteenClients() {
        BenchOptions options = BenchOptions.parse();
        assertThat(options.size()).isEqualTo("full");
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.clients()).containsExactly(1, 4, 16);
        assertThat(options.lagRate()).isEqualTo(200);
        assertThat(options.exportConnections()).isEqualTo(8);
        assertThat(options.engine()).isEqualTo("jpa");
        assertThat(options.data()).isNull();
    }

    @Test
    void quickIsTheSmallDataSetInOneShortRound() {
        BenchOptions quick = BenchOptions.parse("--quick");
        assertThat(quick.size()).isEqualTo("quick");
        assertThat(quick.rounds()).isEqualTo(1);
        assertThat(quick.phase()).isLessThan(BenchOptions.parse().phase());
        assertThat(quick.floors()).isFalse();
        assertThat(BenchOptions.parse().floors()).isTrue();
        assertThat(BenchOptions.parse("--quick", "--floors").floors()).isTrue();
        assertThat(BenchOptions.parse("--quick", "--rounds", "3").rounds()).isEqualTo(3);
    }

    @Test
    void optionsAreChecked() {
        BenchOptions o = BenchOptions.parse("--size", "0.3", "--seconds", "2.5", "--clients", "2,8", "--data", "d");
        assertThat(o.size()).isEqualTo("0.3");
        assertThat(o.phase()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.clients()).containsExactly(2, 8);
        assertThat(o.maxClients()).isEqualTo(8);
        assertThat(o.data()).isEqualTo(Path.of("d"));
        assertThat(o.commandsOnly()).isFalse();
        assertThat(BenchOptions.parse("--commands-only").commandsOnly()).isTrue();
        assertThat(BenchOptions.parse().lagCurve()).isEmpty();
        assertThat(BenchOptions.parse("--lag-curve", "50, 100,150").lagCurve()).containsExactly(50.0, 100.0, 150.0);
        assertThatThrownBy(() -> BenchOptions.parse("--lag-curve", "100,0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BenchOptions.parse().warmUpMax()).isEqualTo(Duration.ofMinutes(6));
        assertThat(BenchOptions.parse("--quick").warmUpMax()).isEqualTo(Duration.ofSeconds(12));
        assertThat(BenchOptions.parse("--quick", "--warm-up-max", "90").warmUpMax()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> BenchOptions.parse("--size", "huge")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--engine", "axonserver"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--rounds")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--rounds", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--clients", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchOptions.parse("--bogus")).isInstanceOf(IllegalArgumentException.class);
    }
}
