package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The results as a table for people and as JSON for tools. */
final class Report {

    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Report() {
    }

    static String json(Results results) {
        return JSON.writeValueAsString(results);
    }

    static Path write(Results results, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json(results) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * Engines compared figure by figure, the first engine against each other one. Raw figures are left out: both
     * engines' servers are the same PostgreSQL, so their differences are noise (see {@link #noiseFloor}).
     */
    static List<Results.Comparison> compare(List<Figure> figures, List<String> engines) {
        List<Results.Comparison> comparisons = new ArrayList<>();
        if (engines.size() < 2) {
            return comparisons;
        }
        String first = engines.get(0);
        for (Figure a : figures) {
            if (!first.equals(a.engine()) || a.id().startsWith("raw.")) {
                continue;
            }
            for (Figure b : figures) {
                if (b.engine() == null || b.engine().equals(first) || !sameFigure(a, b)) {
                    continue;
                }
                boolean lowerIsBetter = List.of("ms", "s", "us").contains(a.unit());
                boolean bBetter = lowerIsBetter ? b.value() < a.value() : b.value() > a.value();
                String better = a.value() == b.value() ? "neither" : bBetter ? b.engine() : first;
                comparisons.add(new Results.Comparison(a.id(), a.label(), a.clients(), a.readModel(), a.unit(), first,
                        a.value(), b.engine(), b.value(), a.value() == 0 ? null : Figure.round(b.value() / a.value()),
                        better, a.overlaps(b)));
            }
        }
        return comparisons;
    }

    /**
     * The largest relative difference between the engines' servers in raw throughput: the same PostgreSQL doing the
     * same thing, so this is how much this run's noise alone moves a median. NaN with fewer than two engines.
     */
    static double noiseFloor(List<Figure> figures, List<String> engines) {
        double worst = Double.NaN;
        if (engines.size() < 2) {
            return worst;
        }
        for (Figure a : figures) {
            if (!a.id().startsWith("raw.") || !a.unit().equals("rows/s") || !engines.get(0).equals(a.engine())) {
                continue;
            }
            for (Figure b : figures) {
                if (sameFigure(a, b) && b.engine() != null && !b.engine().equals(a.engine()) && a.value() > 0) {
                    double difference = Math.abs(b.value() / a.value() - 1);
                    worst = Double.isNaN(worst) ? difference : Math.max(worst, difference);
                }
            }
        }
        return worst;
    }

    private static boolean sameFigure(Figure a, Figure b) {
        return a.id().equals(b.id()) && Objects.equals(a.clients(), b.clients())
                && Objects.equals(a.readModel(), b.readModel());
    }

    static String table(Results r) {
        StringBuilder out = new StringBuilder();
        Results.Machine m = r.machine();
        Results.Settings s = r.settings();
        out.append("AMY benchmark ").append(r.startedAt()).append("  ").append(r.commandLine()).append('\n');
        out.append(String.format(Locale.ROOT, "machine: %d cores, %.1f GiB, %s, Java %s; load average %s -> %s%n",
                m.nproc(), m.memoryBytes() / (1024.0 * 1024 * 1024), m.cpuModel(), m.javaVersion(),
                m.loadAverageStart(), m.loadAverageEnd()));
        r.postgres().forEach((engine, settings) -> out.append(String.format(Locale.ROOT,
                "postgres (%s app): %s, synchronous_commit=%s, fsync=%s%n", engine, settings.get("server_version"),
                settings.get("synchronous_commit"), settings.get("fsync"))));
        out.append(String.format(Locale.ROOT, "workload: %d rounds x clients %s x %d workshops per client = %d "
                        + "workshops per engine (+%d warm-up), seed %d; app JVM %s%n", s.rounds(), s.clients(),
                s.perClient(), s.workshops(), s.warmupWorkshops(), s.seed(), String.join(" ", s.appJavaOptions())));
        out.append(String.format(Locale.ROOT, "each value: median of %d rounds (min-max); ratio = value / limit%n%n",
                s.rounds()));
        String format = "%-34s %-5s %7s %10s %-21s %-10s %10s %7s %10s %7s%n";
        out.append(String.format(Locale.ROOT, format, "figure", "eng", "clients", "value", "(min-max)", "unit",
                "limit", "ratio", "durable", "ratio"));
        for (Figure f : r.figures()) {
            out.append(String.format(Locale.ROOT, format, f.label(), f.engine() == null ? "-" : f.engine(),
                    f.clients() == null ? "" : f.clients().toString(), number(f.value()),
                    "(" + number(f.min()) + "-" + number(f.max()) + ")", f.unit(),
                    f.limit() == null ? "" : number(f.limit().value()),
                    f.ratio() == null ? "" : ratio(f.ratio()),
                    f.durableLimit() == null ? "" : number(f.durableLimit().value()),
                    f.durableRatio() == null ? "" : ratio(f.durableRatio())));
        }
        if (!r.comparisons().isEmpty()) {
            out.append('\n');
            for (Results.Comparison c : r.comparisons()) {
                out.append(String.format(Locale.ROOT, "%-34s %7s  %s/%s = %s  %s%n", c.label(),
                        c.clients() == null ? "" : c.clients() + " cl", c.second(), c.first(),
                        c.ratio() == null ? "-" : ratio(c.ratio()),
                        c.withinNoise() ? "(ranges overlap: within noise)" : c.better() + " better"));
            }
        }
        for (String note : r.notes()) {
            out.append("note: ").append(note).append('\n');
        }
        return out.toString();
    }

    /** Three significant digits or whole numbers, whichever is longer: enough to compare, not more. */
    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Two significant digits below 10 (so 0.00031 stays visible), whole numbers above. */
    static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value == 0) {
            return "0";
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(Math.abs(value))));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
