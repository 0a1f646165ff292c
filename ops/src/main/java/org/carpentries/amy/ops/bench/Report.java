package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
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

    /** Below this share of the asked rate, or above this share of the cores, the lag phase ran a full machine. */
    static final double SATURATED = 0.97;

    /**
     * What to say when the lag phase could not send the asked rate in some round, or needed nearly every core at its
     * cost per command: its p99 is then the queue of a full machine, and comparing it across runs means comparing
     * how fast the machine ran.
     */
    static Optional<String> saturation(List<Figure> figures, double rate) {
        Figure reached = find(figures, "lag.commands_per_second");
        Figure cores = find(figures, "lag.cores_needed");
        boolean shortOfRate = reached != null && reached.min() < rate * SATURATED;
        boolean full = cores != null && cores.ratio() != null && cores.ratio() >= SATURATED;
        if (!shortOfRate && !full) {
            return Optional.empty();
        }
        StringBuilder note = new StringBuilder("The lag phase ran a full machine: ");
        if (shortOfRate) {
            note.append(String.format(Locale.ROOT, "it sent %s (%s–%s) of the %s commands/s asked",
                    number(reached.value()), number(reached.min()), number(reached.max()), number(rate)));
        }
        if (cores != null) {
            note.append(shortOfRate ? ", and " : "").append(String.format(Locale.ROOT, "at its cost per command the app "
                    + "and PostgreSQL needed %s of the machine's %s cores for that rate",
                    number(cores.value()), cores.limit() == null ? "?" : Figure.trim(cores.limit().value())));
        }
        return Optional.of(note.append(". Its p99 is that machine's queue; compare it across runs only with the "
                + "cores needed beside it.").toString());
    }

    private static Figure find(List<Figure> figures, String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
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

    static String table(Results r) {
        StringBuilder out = new StringBuilder();
        Results.Machine m = r.machine();
        Results.Settings s = r.settings();
        Results.DataSet d = r.dataSet();
        out.append("AMY benchmark ").append(r.startedAt()).append("  ").append(r.commandLine()).append('\n');
        out.append(String.format(Locale.ROOT, "machine: %d cores, %.1f GiB, %s, Java %s; load average %s -> %s%n",
                m.nproc(), m.memoryBytes() / (1024.0 * 1024 * 1024), m.cpuModel(), m.javaVersion(),
                m.loadAverageStart(), m.loadAverageEnd()));
        out.append(String.format(Locale.ROOT, "postgres: %s, synchronous_commit=%s, fsync=%s; engine %s; app JVM %s%n",
                r.postgres().get("server_version"), r.postgres().get("synchronous_commit"), r.postgres().get("fsync"),
                s.engine(), String.join(" ", s.appJavaOptions())));
        if (!s.appEnvironment().isEmpty()) {
            out.append("app settings from the environment: ").append(s.appEnvironment().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")))
                    .append('\n');
        }
        out.append(String.format(Locale.ROOT, "data set %s: %,d events, %,d workshops, %,d people, %,d tasks, %,d "
                        + "awards; %s%n", s.size(), d.events(), d.workshops(), d.people(), d.tasks(), d.awards(),
                d.loadSeconds() == null ? d.loaded() : String.format(Locale.ROOT, "loaded in %.0f s", d.loadSeconds())));
        out.append(String.format(Locale.ROOT, "each value: median of %d round(s) (min-max), %.0f s phases; ratio = "
                + "value / limit%n%n", s.rounds(), s.phaseSeconds()));
        String format = "%-44s %7s %10s %-21s %-10s %10s %7s  %-22s %s%n";
        out.append(String.format(Locale.ROOT, format, "figure", "clients", "value", "(min-max)", "unit", "limit",
                "ratio", "target", "met"));
        for (Figure f : r.figures()) {
            out.append(String.format(Locale.ROOT, format, f.label(), f.clients() == null ? "" : f.clients().toString(),
                    number(f.value()), "(" + number(f.min()) + "-" + number(f.max()) + ")", f.unit(),
                    f.limit() == null ? "" : number(f.limit().value()), f.ratio() == null ? "" : ratio(f.ratio()),
                    f.target() == null ? "" : f.target(), f.met() == null ? "" : f.met() ? "yes" : "NO"));
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
