package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReportTest {

    private static final Figure.Limit RAW = new Figure.Limit("raw.insert.rows_per_second", "raw INSERT rows/s",
            10_000, "rows/s");

    private static Figure mix(double... rounds) {
        return Figure.of("mix.commands_per_second", "command mix commands/s", 4, "commands/s",
                Stats.spread(Arrays.stream(rounds).boxed().toList()), RAW, Figure.Target.ratioAtLeast(0.7));
    }

    private static Results results(List<Figure> figures) {
        return new Results(Results.FORMAT, "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z", "ops/bench --quick",
                "abc123", new Results.Machine(2, 4L << 30, "Test CPU", "Linux", "17.0.15", "OpenJDK", "0.1 0.2 0.3",
                "1.0 0.5 0.4"), new Results.Settings("quick", 1, 4, List.of(1, 4, 16), 200, List.of(), false, 8, "jpa",
                2016, List.of("-Xmx256m"), Map.of("AMY_READ_MODEL_TRACE", "15ms"), "api.jar"),
                new Results.DataSet(150_000, 1_000, 10_000, 30_000, 5_000, 120.0, "110000 commands"), Map.of("fsync", "on", "synchronous_commit", "on", "server_version", "17.6"),
                figures, List.of(Map.of("phase", "mix", "round", 1)), List.of("a note"));
    }

    @Test
    void aFigureCarriesItsMedianSpreadUnitLimitRatioAndWhetherItMeetsItsTarget() {
        Figure f = mix(110, 100, 130);
        assertThat(f.value()).isEqualTo(110);
        assertThat(f.min()).isEqualTo(100);
        assertThat(f.max()).isEqualTo(130);
        assertThat(f.ratio()).isEqualTo(0.011);
        assertThat(f.target()).isEqualTo("≥ 0.7 of the limit");
        assertThat(f.met()).isFalse();
        assertThat(mix(7_000, 7_100, 6_900).met()).isTrue();
    }

    @Test
    void aKeptDataSetGrownWellBeyondItsSizeIsSaid() {
        Results.DataSet asSpecified = new Results.DataSet(1_440_000, 12_500, 100_000, 300_000, 50_000, null, "kept");
        assertThat(asSpecified.drift("full")).isEmpty();
        Results.DataSet grown = new Results.DataSet(1_660_000, 48_296, 100_000, 300_000, 50_000, null, "kept");
        assertThat(grown.drift("full")).hasValueSatisfying(note -> assertThat(note)
                .contains("specifies 10,000 workshops").contains("holds 48,296").contains("new --data folder"));
        assertThat(grown.drift("quick")).isPresent();
        assertThat(new Results.DataSet(150_000, 1_300, 10_000, 30_000, 5_000, null, "kept").drift("quick"))
                .hasValueSatisfying(note -> assertThat(note).contains("specifies 1,000 workshops"));
        assertThat(grown.drift("5.0")).isEmpty();
        assertThat(grown.drift("0.3")).hasValueSatisfying(note -> assertThat(note)
                .contains("The 0.3 data set specifies 3,000 workshops"));
        JsonNode json = Report.JSON.readTree(Report.json(results(List.of()))).path("data_set");
        assertThat(json.path("workshops").asLong()).isEqualTo(1_000);
        assertThat(json.has("drift")).isFalse();
    }

    private static Figure lagFigure(String id, String unit, Figure.Limit limit, double... rounds) {
        return Figure.of(id, id, null, unit, Stats.spread(Arrays.stream(rounds).boxed().toList()), limit, null);
    }

    @Test
    void aLagPhaseThatCouldNotSendItsRateOrFilledTheMachineIsSaid() {
        Figure.Limit machine = new Figure.Limit("machine.cores", "cores", 2, "cores");
        List<Figure> carried = List.of(lagFigure("lag.commands_per_second", "commands/s", null, 199, 199, 198),
                lagFigure("lag.cores_needed", "cores", machine, 1.40, 1.38, 1.28));
        assertThat(Report.saturation(carried, 200)).isEmpty();

        List<Figure> shortOfRate = List.of(lagFigure("lag.commands_per_second", "commands/s", null, 194, 199, 156),
                lagFigure("lag.cores_needed", "cores", machine, 1.92, 1.86, 2.36));
        assertThat(Report.saturation(shortOfRate, 200)).hasValueSatisfying(note -> assertThat(note)
                .contains("sent 194 (156–199) of the 200 commands/s asked").contains("needed 1.92 of the machine's 2"));

        List<Figure> full = List.of(lagFigure("lag.commands_per_second", "commands/s", null, 199, 199),
                lagFigure("lag.cores_needed", "cores", machine, 1.95, 1.98));
        assertThat(Report.saturation(full, 200)).hasValueSatisfying(note -> assertThat(note)
                .doesNotContain("sent").contains("needed 1.97 of the machine's 2 cores"));
        assertThat(Report.saturation(List.of(), 200)).isEmpty();
    }

    @Test
    void targetsOnValuesCompareTheMedian() {
        Figure.Target within = Figure.Target.atMost(50, "ms");
        assertThat(within.text()).isEqualTo("≤ 50 ms");
        assertThat(Figure.of("lag.p99", "lag", null, "ms", Stats.spread(List.of(40.0, 60.0, 45.0)), null, within)
                .met()).isTrue();
        assertThat(Figure.of("lag.p99", "lag", null, "ms", Stats.spread(List.of(51.0)), null, within).met())
                .isFalse();
        assertThat(Figure.of("x", "x", null, "ms", Stats.spread(List.of(1.0)), null, null).met()).isNull();
    }

    @Test
    void jsonIsSnakeCaseWithEveryFigureItsUnitLimitRatioAndTarget() {
        JsonNode json = Report.JSON.readTree(Report.json(results(List.of(mix(100, 110, 120)))));
        assertThat(json.path("format").asString()).isEqualTo("amy-bench/2");
        assertThat(json.path("command_line").asString()).isEqualTo("ops/bench --quick");
        assertThat(json.path("machine").path("nproc").asInt()).isEqualTo(2);
        assertThat(json.path("settings").path("phase_seconds").asDouble()).isEqualTo(4);
        assertThat(json.path("settings").path("floors").isBoolean()).isTrue();
        assertThat(json.path("settings").path("app_environment").path("AMY_READ_MODEL_TRACE").asString())
                .isEqualTo("15ms");
        assertThat(json.path("data_set").path("events").asLong()).isEqualTo(150_000);
        JsonNode figure = json.path("figures").get(0);
        assertThat(figure.path("id").asString()).isEqualTo("mix.commands_per_second");
        assertThat(figure.path("unit").asString()).isEqualTo("commands/s");
        assertThat(figure.path("value").asDouble()).isEqualTo(110);
        assertThat(figure.path("samples")).hasSize(3);
        assertThat(figure.path("limit").path("value").asDouble()).isEqualTo(10_000);
        assertThat(figure.path("ratio").asDouble()).isEqualTo(0.011);
        assertThat(figure.path("met").asBoolean()).isFalse();
    }

    @Test
    void tableShowsEachFigureNextToItsLimitRatioAndTarget() {
        String table = Report.table(results(List.of(mix(100, 110, 120))));
        assertThat(table).contains("ops/bench --quick", "2 cores", "150,000 events", "loaded in 120 s",
                        "app settings from the environment: AMY_READ_MODEL_TRACE=15ms")
                .containsPattern("command mix commands/s\\s+4\\s+110 \\(100-120\\)\\s+commands/s\\s+10,000\\s+0.011"
                        + "\\s+≥ 0.7 of the limit\\s+NO")
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
