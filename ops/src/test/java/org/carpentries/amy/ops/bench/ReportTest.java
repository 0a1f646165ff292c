package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReportTest {

    private static final Figure.Limit RAW = new Figure.Limit("raw.insert.rows_per_second", "raw INSERT rows/s",
            10_000, "rows/s");

    private static Figure append(String engine, double... rounds) {
        return Figure.of("append.commands_per_second", "append commands/s", engine, 4, null, "commands/s",
                Stats.spread(Arrays.stream(rounds).boxed().toList()), RAW, null);
    }

    private static Figure raw(String engine, double... rounds) {
        return Figure.of("raw.insert.rows_per_second", "raw INSERT rows/s", engine, 4, null, "rows/s",
                Stats.spread(Arrays.stream(rounds).boxed().toList()), null, null);
    }

    private static Results results(List<Figure> figures) {
        return new Results(Results.FORMAT, "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z", "ops/bench --quick",
                "abc123", new Results.Machine(2, 4L << 30, "Test CPU", "Linux", "17.0.15", "OpenJDK", "0.1 0.2 0.3",
                "1.0 0.5 0.4"), new Results.Settings(1, 207, 64, 3, List.of(1, 4, 64), List.of("jpa", "jdbc"), 2016,
                1.0, List.of("-Xmx512m"), "api.jar"), Map.of("jpa", Map.of("fsync", "off")), figures,
                Report.compare(figures, List.of("jpa", "jdbc")),
                List.of(Map.of("phase", "append", "engine", "jpa", "round", 1)), List.of("a note"));
    }

    @Test
    void aFigureCarriesItsMedianSpreadUnitLimitAndRatio() {
        Figure f = append("jpa", 110, 100, 130);
        assertThat(f.value()).isEqualTo(110);
        assertThat(f.min()).isEqualTo(100);
        assertThat(f.max()).isEqualTo(130);
        assertThat(f.ratio()).isEqualTo(0.011);
        assertThat(f.durableRatio()).isNull();
    }

    @Test
    void jsonIsSnakeCaseWithEveryFigureItsUnitLimitAndRatio() {
        JsonNode json = Report.JSON.readTree(Report.json(results(List.of(append("jpa", 100, 110, 120)))));
        assertThat(json.path("format").asString()).isEqualTo("amy-bench/1");
        assertThat(json.path("command_line").asString()).isEqualTo("ops/bench --quick");
        assertThat(json.path("machine").path("nproc").asInt()).isEqualTo(2);
        assertThat(json.path("machine").path("java_version").asString()).isEqualTo("17.0.15");
        assertThat(json.path("settings").path("per_client").asInt()).isEqualTo(1);
        JsonNode figure = json.path("figures").get(0);
        assertThat(figure.path("id").asString()).isEqualTo("append.commands_per_second");
        assertThat(figure.path("unit").asString()).isEqualTo("commands/s");
        assertThat(figure.path("value").asDouble()).isEqualTo(110);
        assertThat(figure.path("samples")).hasSize(3);
        assertThat(figure.path("limit").path("value").asDouble()).isEqualTo(10_000);
        assertThat(figure.path("limit").path("unit").asString()).isEqualTo("rows/s");
        assertThat(figure.path("ratio").asDouble()).isEqualTo(0.011);
        assertThat(figure.has("durable_limit")).isTrue();
    }

    @Test
    void enginesAreComparedOnTheFirstEngineWithTheBetterOneNamedUnlessRangesOverlap() {
        List<Results.Comparison> clear = Report.compare(List.of(append("jpa", 100, 101, 102),
                append("jdbc", 120, 121, 122)), List.of("jpa", "jdbc"));
        assertThat(clear).singleElement().satisfies(c -> {
            assertThat(c.ratio()).isEqualTo(1.198);
            assertThat(c.better()).isEqualTo("jdbc");
            assertThat(c.withinNoise()).isFalse();
        });

        List<Results.Comparison> noisy = Report.compare(List.of(append("jpa", 100, 90, 130),
                append("jdbc", 120, 95, 125)), List.of("jpa", "jdbc"));
        assertThat(noisy).singleElement().satisfies(c -> assertThat(c.withinNoise()).isTrue());
    }

    @Test
    void rawFiguresAreNotComparedButGiveTheNoiseFloor() {
        List<Figure> figures = List.of(raw("jpa", 1000, 1000, 1000), raw("jdbc", 1100, 1100, 1100));
        assertThat(Report.compare(figures, List.of("jpa", "jdbc"))).isEmpty();
        assertThat(Report.noiseFloor(figures, List.of("jpa", "jdbc"))).isCloseTo(0.1, offset(1e-9));
        assertThat(Report.noiseFloor(figures, List.of("jpa"))).isNaN();
    }

    @Test
    void tableShowsEachFigureNextToItsLimitAndRatio() {
        String table = Report.table(results(List.of(append("jpa", 100, 110, 120))));
        assertThat(table).contains("ops/bench --quick", "2 cores")
                .containsPattern("append commands/s\\s+jpa\\s+4\\s+110 \\(100-120\\)\\s+commands/s\\s+10,000\\s+0.011")
                .contains("note: a note");
    }

    @Test
    void smallRatiosKeepTwoSignificantDigits() {
        assertThat(Report.ratio(0.000312)).isEqualTo("0.00031");
        assertThat(Report.ratio(0.5)).isEqualTo("0.50");
        assertThat(Report.ratio(1.0)).isEqualTo("1.0");
        assertThat(Report.ratio(2854.2)).isEqualTo("2,854");
        assertThat(Report.number(12_345.6)).isEqualTo("12,346");
        assertThat(Report.number(1.234)).isEqualTo("1.23");
    }
}
