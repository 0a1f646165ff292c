package org.carpentries.amy.ops.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The benchmark: for each engine, the app on a fresh embedded PostgreSQL; a warm-up; then rounds of appends over
 * HTTP at each client count, rebuilds of the workshops and published read models, and raw INSERT and keyset-read
 * runs against the same PostgreSQL. Engines take turns within every round and lead alternately, so drifting noise
 * on a shared machine does not favour one. Prints a table and writes {@code <out>/<timestamp>.json}.
 */
public final class Bench {

    private static final List<String> REPLAYED = List.of("workshops", "published");
    private static final String DEFAULT_APP_JAVA_OPTS = "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
            + "-Xshare:auto";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final BenchOptions options;
    private final Map<String, AppProcess> apps = new LinkedHashMap<>();
    private final List<Path> dataDirs = new ArrayList<>();
    private final List<Map<String, Object>> runs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, List<AmyClient>> clients = new LinkedHashMap<>();
    private final Map<String, Append> appends = new LinkedHashMap<>();

    private Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ops/bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        Bench bench = new Bench(options);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopApps, "bench-stop-apps"));
        int status = 0;
        try {
            bench.run(args);
        } catch (RuntimeException e) {
            System.err.println("ops/bench failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        } finally {
            bench.stopApps();
            bench.deleteDataDirs();
        }
        System.exit(status);
    }

    private void run(String[] args) {
        Instant started = Instant.now();
        String loadStart = loadAverage();
        String stamp = STAMP.format(started);
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException("No app at " + options.jar()
                    + "; build it with ./mvnw -B -DskipTests install");
        }
        List<String> javaOptions = Arrays.stream(System.getenv().getOrDefault("AMY_JAVA_OPTS", DEFAULT_APP_JAVA_OPTS)
                .trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        String password = UUID.randomUUID().toString();

        startApps(stamp, javaOptions, password);
        Workload workload = new Workload(options.seed());
        for (AppProcess app : apps.values()) {
            prepare(app, workload, password);
        }
        for (String engine : options.engines()) {
            record("warmup", engine, 0, appends.get(engine).run(clients.get(engine), "warmup", 0,
                    options.warmupWorkshops(), apps.get(engine)));
        }
        append();
        replay();
        Map<String, Map<String, String>> postgres = raw();

        List<Figure> figures = figures(postgres);
        addNotes(postgres, javaOptions, figures);
        Results results = new Results(Results.FORMAT, started.toString(), Instant.now().toString(),
                System.getenv().getOrDefault("AMY_BENCH_COMMAND", "Bench " + String.join(" ", args)),
                System.getenv("AMY_BENCH_GIT"), machine(loadStart, loadAverage()),
                new Results.Settings(options.perClient(), options.workshops(), options.warmupWorkshops(),
                        options.rounds(), options.clients(), options.engines(), options.seed(),
                        options.rawDuration().toMillis() / 1000.0, javaOptions, options.jar().toString()),
                postgres, figures, Report.compare(figures, options.engines()), runs, notes);
        System.out.print(Report.table(results));
        Path file = Report.write(results, options.out().resolve(stamp + ".json"));
        System.out.println("\nresults: " + file);
    }

    /** Every engine's app at once, each on a fresh embedded PostgreSQL; its log goes next to the results. */
    private void startApps(String stamp, List<String> javaOptions, String password) {
        createDirs(options.out());
        for (String engine : options.engines()) {
            Path dataDir = createTempDir("amy-bench-" + engine + "-");
            dataDirs.add(dataDir);
            Path log = options.out().resolve(stamp + "-app-" + engine + ".log");
            apps.put(engine, AppProcess.start(engine, options.jar(), javaOptions, dataDir, log, password));
        }
        for (AppProcess app : apps.values()) {
            app.awaitHealthy(START_TIMEOUT);
            progress("%s app up at %s, PostgreSQL on port %d, log %s", app.engine(), app.base(), app.postgresPort(),
                    app.log());
        }
        writePidFile();
    }

    /** Logs every client in (once, so later requests ride the session) and creates the reference data. */
    private void prepare(AppProcess app, Workload workload, String password) {
        List<AmyClient> mine = new ArrayList<>();
        for (int c = 0; c < options.maxClients(); c++) {
            AmyClient client = new AmyClient(app.base(), "admin", password);
            client.expect(200, client.get("api/admin/read-models"), "log in");
            mine.add(client);
        }
        clients.put(app.engine(), mine);
        AmyClient first = mine.get(0);
        workload.organisations().forEach(o -> first.expect(201, first.post("api/organisations", o),
                "POST /api/organisations " + o.get("domain")));
        workload.tags().forEach(t -> first.expect(201, first.post("api/tags", t), "POST /api/tags " + t.get("name")));
        appends.put(app.engine(), new Append(workload, app.jdbcUrl()));
    }

    /** Per round and client count, the same tasks for every engine, engines taking turns. */
    private void append() {
        int next = 0;
        for (int round = 0; round < options.rounds(); round++) {
            for (int c : options.clients()) {
                int from = next;
                int to = from + options.perClient() * c;
                next = to;
                for (String engine : options.enginesInRound(round)) {
                    record("append", engine, round, appends.get(engine).run(clients.get(engine).subList(0, c), "w",
                            from, to, apps.get(engine)));
                }
            }
        }
    }

    private void replay() {
        Map<String, Long> storeSizes = new LinkedHashMap<>();
        appends.forEach((engine, append) -> storeSizes.put(engine, append.countEvents()));
        for (int round = 0; round < options.rounds(); round++) {
            for (String engine : options.enginesInRound(round)) {
                Replay replay = new Replay(clients.get(engine).get(0), REBUILD_TIMEOUT);
                for (String model : REPLAYED) {
                    record(engine, round, replay.rebuild(model, apps.get(engine)), storeSizes.get(engine));
                }
            }
        }
    }

    /** The raw limits of each app's PostgreSQL; answers each server's settings. */
    private Map<String, Map<String, String>> raw() {
        Map<String, Map<String, String>> postgres = new LinkedHashMap<>();
        Map<String, RawLimits> raws = new LinkedHashMap<>();
        apps.forEach((engine, app) -> raws.put(engine, new RawLimits(app.jdbcUrl())));
        try {
            raws.forEach((engine, raw) -> {
                postgres.put(engine, raw.settings());
                raw.prepare();
            });
            for (int round = 0; round < options.rounds(); round++) {
                for (String engine : options.enginesInRound(round)) {
                    RawLimits raw = raws.get(engine);
                    for (int c : options.clients()) {
                        record(engine, round, raw.inserts(c, false, options.rawDuration()));
                        if (durableSeparately(postgres.get(engine))) {
                            record(engine, round, raw.inserts(c, true, options.rawDuration()));
                        }
                    }
                    record(engine, round, raw.keysetRead(options.rawDuration()));
                }
            }
        } finally {
            raws.values().forEach(RawLimits::drop);
        }
        return postgres;
    }

    /**
     * Lists the processes we started for {@code ops/bench}, which stops any still alive when it exits: the last
     * resort if this JVM is killed before it can stop them itself.
     */
    private void writePidFile() {
        String file = System.getenv("AMY_BENCH_PIDFILE");
        if (file == null || file.isBlank()) {
            return;
        }
        List<String> pids = apps.values().stream().flatMap(a -> a.pids().stream()).map(String::valueOf).toList();
        try {
            Files.write(Path.of(file), pids);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + file, e);
        }
    }

    private List<Figure> figures(Map<String, Map<String, String>> postgres) {
        Map<String, Figure> raw = new LinkedHashMap<>();
        List<Figure> rawFigures = new ArrayList<>();
        for (String engine : options.engines()) {
            boolean separately = durableSeparately(postgres.get(engine));
            for (int c : options.clients()) {
                for (boolean durable : separately ? List.of(false, true) : List.of(false)) {
                    String id = durable ? "raw.insert_durable" : "raw.insert";
                    String label = durable ? "raw INSERT, durable" : "raw INSERT";
                    Predicate<Map<String, Object>> these = run -> run.get("phase").equals(id)
                            && run.get("engine").equals(engine) && run.get("clients").equals(c);
                    for (Figure f : List.of(
                            rawFigure(id + ".rows_per_second", label + " rows/s", engine, c, "rows/s", these,
                                    "rows_per_second"),
                            rawFigure(id + ".latency_p50", label + " p50", engine, c, "ms", these, "latency_p50_ms"),
                            rawFigure(id + ".latency_p99", label + " p99", engine, c, "ms", these, "latency_p99_ms"))) {
                        raw.put(key(f.id(), engine, c), f);
                        rawFigures.add(f);
                    }
                }
            }
            Predicate<Map<String, Object>> reads = run -> run.get("phase").equals("raw.keyset_read")
                    && run.get("engine").equals(engine);
            for (Figure f : List.of(
                    rawFigure("raw.keyset_read.rows_per_second", "raw keyset read rows/s", engine, null, "rows/s",
                            reads, "rows_per_second"),
                    rawFigure("raw.keyset_read.seconds", "raw keyset read, whole store", engine, null, "s", reads,
                            "seconds"))) {
                raw.put(key(f.id(), engine, null), f);
                rawFigures.add(f);
            }
        }

        List<Figure> figures = new ArrayList<>();
        for (int c : options.clients()) {
            for (String engine : options.engines()) {
                boolean separately = durableSeparately(postgres.get(engine));
                Predicate<Map<String, Object>> these = run -> run.get("phase").equals("append")
                        && run.get("engine").equals(engine) && run.get("clients").equals(c);
                String limitId = "raw.insert";
                for (String[] f : new String[][] {
                        {"append.commands_per_second", "append commands/s", "commands/s", "commands_per_second",
                                ".rows_per_second"},
                        {"append.events_per_second", "append events/s", "events/s", "events_per_second",
                                ".rows_per_second"},
                        {"append.latency_p50", "append command latency p50", "ms", "latency_p50_ms", ".latency_p50"},
                        {"append.latency_p99", "append command latency p99", "ms", "latency_p99_ms", ".latency_p99"}}) {
                    Figure limit = raw.get(key(limitId + f[4], engine, c));
                    Figure durable = separately ? raw.get(key("raw.insert_durable" + f[4], engine, c)) : null;
                    figures.add(Figure.of(f[0], f[1], engine, c, null, f[2], spread(these, f[3]),
                            Figure.limit(limit), durable == null ? null : Figure.limit(durable)));
                }
                if (runs.stream().filter(these).allMatch(r -> r.get("app_cpu_ms_per_command") != null)) {
                    figures.add(Figure.of("append.app_cpu_per_command", "append app CPU per command", engine, c,
                            null, "ms", spread(these, "app_cpu_ms_per_command"), null, null));
                }
                if (runs.stream().filter(these).allMatch(r -> r.get("postgres_cpu_ms_per_command") != null)) {
                    figures.add(Figure.of("append.postgres_cpu_per_command", "append PostgreSQL CPU per command",
                            engine, c, null, "ms", spread(these, "postgres_cpu_ms_per_command"), null, null));
                }
            }
        }
        for (String model : REPLAYED) {
            for (String engine : options.engines()) {
                Predicate<Map<String, Object>> these = run -> run.get("phase").equals("replay")
                        && run.get("engine").equals(engine) && run.get("read_model").equals(model);
                figures.add(Figure.of("replay.events_per_second", "replay " + model + " events/s", engine, null,
                        model, "events/s", spread(these, "events_per_second"),
                        Figure.limit(raw.get(key("raw.keyset_read.rows_per_second", engine, null))), null));
                if (runs.stream().filter(these).allMatch(r -> r.get("streaming_events_per_second") != null)) {
                    figures.add(Figure.of("replay.streaming_events_per_second", "replay " + model + " streaming ev/s",
                            engine, null, model, "events/s", spread(these, "streaming_events_per_second"),
                            Figure.limit(raw.get(key("raw.keyset_read.rows_per_second", engine, null))), null));
                }
                figures.add(Figure.of("replay.seconds", "replay " + model + ", app-timed", engine, null, model, "s",
                        spread(these, "server_seconds"),
                        Figure.limit(raw.get(key("raw.keyset_read.seconds", engine, null))), null));
                figures.add(Figure.of("replay.wall_seconds", "replay " + model + ", wall", engine, null, model, "s",
                        spread(these, "wall_seconds"),
                        Figure.limit(raw.get(key("raw.keyset_read.seconds", engine, null))), null));
                if (runs.stream().filter(these).allMatch(r -> r.get("app_cpu_us_per_event") != null)) {
                    figures.add(Figure.of("replay.app_cpu_per_event", "replay " + model + " app CPU/event", engine,
                            null, model, "us", spread(these, "app_cpu_us_per_event"), null, null));
                }
            }
        }
        rawFigures.sort(Comparator.comparing(Figure::id).thenComparing(f -> f.clients() == null ? 0 : f.clients())
                .thenComparing(f -> options.engines().indexOf(f.engine())));
        figures.addAll(rawFigures);
        return figures;
    }

    private Figure rawFigure(String id, String label, String engine, Integer clients, String unit,
                             Predicate<Map<String, Object>> runs, String field) {
        return Figure.of(id, label, engine, clients, null, unit, spread(runs, field), null, null);
    }

    private Stats.Spread spread(Predicate<Map<String, Object>> which, String field) {
        List<Double> samples = runs.stream().filter(which).map(run -> ((Number) run.get(field)).doubleValue())
                .toList();
        if (samples.isEmpty()) {
            throw new IllegalStateException("No runs measured " + field);
        }
        return Stats.spread(samples);
    }

    /** Rounded, or null where the OS would not tell (JSON has no NaN). */
    private static Double finite(double value) {
        return Double.isFinite(value) ? Figure.round(value) : null;
    }

    private static String key(String id, String engine, Integer clients) {
        return id + "|" + engine + "|" + clients;
    }

    private void record(String phase, String engine, int round, Append.Sample s) {
        Map<String, Object> run = run(phase, engine, round);
        run.put("clients", s.clients());
        run.put("tasks", s.tasks());
        run.put("commands", s.commands());
        run.put("events", s.events());
        run.put("expected_events", s.expectedEvents());
        run.put("stale_reads", s.staleReads());
        run.put("seconds", Figure.round(s.seconds()));
        run.put("commands_per_second", Figure.round(s.commandsPerSecond()));
        run.put("events_per_second", Figure.round(s.eventsPerSecond()));
        run.put("latency_p50_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 50)));
        run.put("latency_p99_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 99)));
        run.put("latency_max_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 100)));
        run.put("app_cpu_seconds", finite(s.appCpuSeconds()));
        run.put("postgres_cpu_seconds", finite(s.postgresCpuSeconds()));
        run.put("app_cpu_ms_per_command", finite(s.appCpuSeconds() * 1000 / s.commands()));
        run.put("postgres_cpu_ms_per_command", finite(s.postgresCpuSeconds() * 1000 / s.commands()));
        runs.add(run);
        if (s.events() != s.expectedEvents()) {
            notes.add(String.format(Locale.ROOT, "%s %s round %d (%d clients): the store gained %d events, the "
                    + "workload expected %d", engine, phase, round + 1, s.clients(), s.events(), s.expectedEvents()));
        }
        progress("%-6s %-4s round %d, %d client(s): %d commands in %.1f s = %.1f commands/s, %.0f events/s, "
                        + "p50 %.1f ms, p99 %.1f ms, %d stale reads; CPU app %.1f s, postgres %.1f s", phase, engine,
                round + 1, s.clients(), s.commands(), s.seconds(), s.commandsPerSecond(), s.eventsPerSecond(),
                run.get("latency_p50_ms"), run.get("latency_p99_ms"), s.staleReads(), s.appCpuSeconds(),
                s.postgresCpuSeconds());
    }

    private void record(String engine, int round, Replay.Sample s, long storeSize) {
        Map<String, Object> run = run("replay", engine, round);
        run.put("read_model", s.readModel());
        run.put("events_replayed", s.eventsReplayed());
        run.put("head", s.head());
        run.put("server_seconds", Figure.round(s.serverSeconds()));
        run.put("wall_seconds", Figure.round(s.wallSeconds()));
        run.put("events_per_second", Figure.round(s.eventsPerSecond()));
        run.put("reported_events_per_second", Figure.round(s.serverEventsPerSecond()));
        run.put("streaming_events_per_second", s.streamingEventsPerSecond() == null ? null
                : Figure.round(s.streamingEventsPerSecond()));
        run.put("app_cpu_seconds", finite(s.appCpuSeconds()));
        run.put("postgres_cpu_seconds", finite(s.postgresCpuSeconds()));
        run.put("app_cpu_us_per_event", finite(s.appCpuSeconds() * 1e6 / s.eventsReplayed()));
        runs.add(run);
        if (s.eventsReplayed() != storeSize) {
            notes.add(String.format(Locale.ROOT, "%s rebuild of %s round %d replayed %d events of %d in the store",
                    engine, s.readModel(), round + 1, s.eventsReplayed(), storeSize));
        }
        progress("replay %-4s round %d, %s: %d events in %.2f s (wall %.2f s) = %.0f events/s, streaming %s events/s",
                engine, round + 1, s.readModel(), s.eventsReplayed(), s.serverSeconds(), s.wallSeconds(),
                s.eventsPerSecond(), s.streamingEventsPerSecond() == null ? "-"
                        : String.format(Locale.ROOT, "%.0f", s.streamingEventsPerSecond()));
    }

    private void record(String engine, int round, RawLimits.InsertSample s) {
        String phase = s.durable() ? "raw.insert_durable" : "raw.insert";
        Map<String, Object> run = run(phase, engine, round);
        run.put("clients", s.clients());
        run.put("rows", s.rows());
        run.put("seconds", Figure.round(s.seconds()));
        run.put("rows_per_second", Figure.round(s.rowsPerSecond()));
        run.put("latency_p50_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 50)));
        run.put("latency_p99_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 99)));
        runs.add(run);
        progress("%-18s %-4s round %d, %d client(s): %.0f rows/s, p50 %.2f ms, p99 %.2f ms", phase, engine,
                round + 1, s.clients(), s.rowsPerSecond(), run.get("latency_p50_ms"), run.get("latency_p99_ms"));
    }

    private void record(String engine, int round, RawLimits.ReadSample s) {
        Map<String, Object> run = run("raw.keyset_read", engine, round);
        run.put("rows", s.rows());
        run.put("bytes", s.bytes());
        run.put("passes", s.passes());
        run.put("seconds", Figure.round(s.secondsPerPass()));
        run.put("rows_per_second", Figure.round(s.rowsPerSecond()));
        runs.add(run);
        progress("raw.keyset_read    %-4s round %d: %d rows (%.1f MB) x %d passes, %.3f s each = %.0f rows/s", engine,
                round + 1, s.rows(), s.bytes() / 1e6, s.passes(), s.secondsPerPass(), s.rowsPerSecond());
    }

    private static Map<String, Object> run(String phase, String engine, int round) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("phase", phase);
        run.put("engine", engine);
        run.put("round", round + 1);
        run.put("at", Instant.now().toString());
        return run;
    }

    /**
     * Whether a durable INSERT differs from one under the server's settings and can be measured on this server: it
     * flushes (fsync on) but does not wait for the flush at commit (synchronous_commit off).
     */
    private static boolean durableSeparately(Map<String, String> settings) {
        return "on".equals(settings.get("fsync")) && "off".equals(settings.get("synchronous_commit"));
    }

    private static boolean durable(Map<String, String> settings) {
        return "on".equals(settings.get("fsync")) && !"off".equals(settings.get("synchronous_commit"));
    }

    private void addNotes(Map<String, Map<String, String>> postgres, List<String> javaOptions, List<Figure> figures) {
        notes.add(0, "A shared machine with " + Runtime.getRuntime().availableProcessors() + " cores: the apps, "
                + "their PostgreSQL servers and this load generator share them, so figures are indicative; compare "
                + "engines within one run, not across runs.");
        notes.add(1, "Both apps stay up for the whole run; while one engine is measured the other is idle.");
        double noise = Report.noiseFloor(figures, options.engines());
        if (!Double.isNaN(noise)) {
            notes.add(2, String.format(Locale.ROOT, "Noise floor: the engines' PostgreSQL servers (same build, same "
                    + "settings) differ by up to %.0f%% in raw rows/s medians in this run; smaller differences "
                    + "between engines mean nothing.", noise * 100));
        }
        if (postgres.values().stream().anyMatch(p -> !"on".equals(p.get("fsync")))) {
            notes.add("The embedded PostgreSQL runs with fsync=off and synchronous_commit=off (zonky's "
                    + "defaults): nothing the app commits is flushed to disk, and no durable INSERT can be measured "
                    + "on this server. 'limit' is the raw INSERT under the same settings as the app.");
        } else if (postgres.values().stream().anyMatch(Bench::durableSeparately)) {
            notes.add("PostgreSQL runs with synchronous_commit=off: the app's commits do not wait for the WAL "
                    + "flush. 'limit' is the raw INSERT under the same settings, 'durable' with "
                    + "synchronous_commit=on.");
        } else if (postgres.values().stream().allMatch(Bench::durable)) {
            notes.add("PostgreSQL commits durably (fsync=on, synchronous_commit on): 'limit' is a durable raw "
                    + "INSERT.");
        }
        for (String engine : options.engines()) {
            for (int c : options.clients()) {
                long stale = 0;
                long schedules = 0;
                for (Map<String, Object> run : runs) {
                    if (run.get("phase").equals("append") && run.get("engine").equals(engine)
                            && run.get("clients").equals(c)) {
                        stale += ((Number) run.get("stale_reads")).longValue();
                        schedules += ((Number) run.get("tasks")).longValue();
                    }
                }
                if (stale > 0) {
                    notes.add(String.format(Locale.ROOT, "%s, %d clients: %d of %d schedules were answered 404 "
                            + "workshop-not-found although stored (the read-your-writes wait passed too early).",
                            engine, c, stale, schedules));
                }
            }
        }
        if (javaOptions.contains("-XX:TieredStopAtLevel=1")) {
            notes.add("The app runs with -XX:TieredStopAtLevel=1 (as ops/run): C1 only, quick start rather than "
                    + "peak throughput. Set AMY_JAVA_OPTS to change it.");
        }
    }

    private static Results.Machine machine(String loadStart, String loadEnd) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        String cpu = firstLine(Path.of("/proc/cpuinfo"), l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
        return new Results.Machine(Runtime.getRuntime().availableProcessors(), memory, cpu,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vendor") + ")",
                loadStart, loadEnd);
    }

    private static String loadAverage() {
        return firstLine(Path.of("/proc/loadavg"), l -> true)
                .map(l -> String.join(" ", Arrays.asList(l.split("\\s+")).subList(0, 3)))
                .orElse(String.format(Locale.ROOT, "%.2f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static Optional<String> firstLine(Path file, Predicate<String> matching) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(matching).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }

    private void stopApps() {
        List<Thread> stopping = new ArrayList<>();
        for (AppProcess app : apps.values()) {
            Thread t = new Thread(app::close, "bench-stop-" + app.engine());
            stopping.add(t);
            t.start();
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deleteDataDirs() {
        for (Path dir : dataDirs) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                System.err.println("Could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    private static Path createTempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a temporary directory", e);
        }
    }

    private static void createDirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create " + dir, e);
        }
    }
}
