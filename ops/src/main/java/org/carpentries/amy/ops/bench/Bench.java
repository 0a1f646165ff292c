package org.carpentries.amy.ops.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark of issue 4: AMY on its own embedded PostgreSQL with the benchmark data set loaded through the
 * command side, and each figure next to a limit measured in the same run on the same server: the command mix over
 * HTTP against raw single-row INSERTs at the same concurrency, rebuilds of every read model against a raw keyset
 * read of the event table, {@code published.yaml} (200 and 304) against the same server sending a static file of
 * the same size, the projection lag at a steady command rate, start to healthy, all under the app's heap limit.
 * The reads (the export computed per request, restarts, exports, rebuilds, the audit) come first, on the data set
 * as loaded, then the commands, which add workshops. Rounds interleave the app's and the raw measurements so
 * drifting noise on a shared machine hits both. Prints a table and writes {@code <out>/<timestamp>.json}.
 */
public final class Bench {

    private static final String DEFAULT_APP_JAVA_OPTS = "-Xmx256m -XX:+UseSerialGC";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern LOADED = Pattern.compile("Loaded the benchmark data set of size [^:]+: (\\d+) "
            + "commands in (\\d+) s");
    private static final int LAG_CLIENTS = 16;
    /** The JIT compilers' share of a core below which the warm-up counts the app as warm. */
    private static final double JIT_SETTLED = 0.05;
    private static final Duration WARM_UP_STRETCH = Duration.ofSeconds(10);
    private static final int AUDIT_REQUESTS = 50;
    private static final int AS_OF_REQUESTS = 3;
    /** The audit log's table and its primary key (issue 5's audit read model). */
    private static final String AUDIT_TABLE = "audit_entry";
    private static final String AUDIT_KEY = "position";
    private static final String PUBLISHED = "published";

    private final BenchOptions options;
    private final List<Map<String, Object>> runs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();
    private AppProcess app;
    private AmyClient admin;
    /** The mix's logged-in clients for the running app (see {@link #sessions}). */
    private final List<AmyClient> sessions = new ArrayList<>();
    private Path dataDir;
    private Path staticDir;
    private String password;
    private List<String> javaOptions;
    private String stamp;
    private static final Duration UNCACHED_REQUEST_TIMEOUT = Duration.ofMinutes(5);
    /**
     * The app rendering the export per request: each render waits for one of its two slots as long as the benchmark
     * waits for an answer, so a slow render makes a slow answer rather than a 503.
     */
    private static final Map<String, String> UNCACHED = Map.of("AMY_EXPORT_CACHE", "false",
            "AMY_RENDERS_WAIT", UNCACHED_REQUEST_TIMEOUT.toSeconds() + "s");
    /** What stopped the measurements, if anything did: the results are written without the phases after it. */
    private RuntimeException failure;
    private int seriesCount;
    private Path jar;

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
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopApp, "bench-stop-app"));
        int status = 0;
        try {
            bench.run(args);
        } catch (RuntimeException e) {
            System.err.println("ops/bench failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        } finally {
            bench.stopApp();
            bench.deleteTemporary();
        }
        System.exit(status);
    }

    private void run(String[] args) {
        Instant started = Instant.now();
        String loadStart = loadAverage();
        stamp = STAMP.format(started);
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException("No app at " + options.jar() + "; build it with ./mvnw -B -DskipTests "
                    + "package");
        }
        jar = copyOfJar();
        javaOptions = Arrays.stream(System.getenv().getOrDefault("AMY_JAVA_OPTS", DEFAULT_APP_JAVA_OPTS).trim()
                .split("\\s+")).filter(s -> !s.isEmpty()).toList();
        createDirs(options.out());
        dataDir = options.data() != null ? options.data().toAbsolutePath() : temporaryDir("amy-bench-data-");
        createDirs(dataDir);
        password = adminPassword(dataDir);
        staticDir = temporaryDir("amy-bench-static-");

        Results.DataSet dataSet = load();
        RawLimits raw = new RawLimits(app.jdbcUrl());
        Map<String, String> postgres = raw.settings();
        Mix mixPools = pools();
        int readModels = raw.readModels();
        try {
            if (!options.commandsOnly()) {
                // The reads first, on the data set as loaded: every mix schedules workshops (a fifth of its
                // commands), and one run's warm-up and mixes more than doubled the export (docs/benchmarks.md).
                perRequestAndRestarts();
                // The restarted app's PostgreSQL listens on another port.
                raw = new RawLimits(app.jdbcUrl());
                raw.prepare();
                warmUpReads(raw);
                for (int round = 0; round < options.rounds(); round++) {
                    progress("reads, round %d of %d", round + 1, options.rounds());
                    record(round, "raw.keyset_read", raw.keysetRead(options.phase()));
                    if (options.floors()) {
                        record(round, "raw.audit_floor", raw.auditFloor(options.phase()));
                    }
                    exports(round);
                    rebuilds(round);
                    auditing(round, raw);
                }
            } else {
                raw.prepare();
            }
            warmUp(mixPools);
            for (int round = 0; round < options.rounds(); round++) {
                progress("commands, round %d of %d", round + 1, options.rounds());
                for (int c : options.clients()) {
                    record(round, mix(mixPools, c));
                    record(round, raw.inserts(c, false, options.phase()));
                    if (options.floors()) {
                        record(round, raw.designFloor(c, readModels, options.phase()));
                        record(round, raw.designFloor(c, 1, options.phase()));
                    }
                }
                for (double rate : options.lagCurve()) {
                    lag(round, mixPools, rate);
                }
                lag(round, mixPools, options.lagRate());
            }
        } catch (RuntimeException e) {
            // What was measured before the failure is still written; the run then fails.
            failure = e;
        } finally {
            raw.drop();
        }
        boolean heapOk = heapHeld();

        List<Figure> figures = figures(heapOk);
        notes(postgres);
        Report.saturation(figures, options.lagRate()).ifPresent(notes::add);
        if (failure != null) {
            notes.add("The run stopped early: " + failure.getMessage() + ". The figures hold the phases measured "
                    + "before it; those not measured are left out.");
        }
        Results results = new Results(Results.FORMAT, started.toString(), Instant.now().toString(),
                System.getenv().getOrDefault("AMY_BENCH_COMMAND", "Bench " + String.join(" ", args)),
                System.getenv("AMY_BENCH_GIT"), machine(loadStart, loadAverage()),
                new Results.Settings(options.size(), options.rounds(), options.phase().toMillis() / 1000.0,
                        options.clients(), options.lagRate(), options.lagCurve(), options.floors(),
                        options.exportConnections(),
                        options.engine(), options.seed(), javaOptions,
                        AppProcess.inheritedSettings(System.getenv(), startSettings().keySet()),
                        options.jar().toString()),
                dataSet, postgres, figures, runs, notes);
        System.out.print(Report.table(results));
        Path file = Report.write(results, options.out().resolve(stamp + ".json"));
        System.out.println("\nresults: " + file);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The app runs from its own unpacked copy of the jar, as {@code ops/run} starts it: a build during a long run
     * replaces the jar, and a JVM whose jar changed under it fails the next time it loads a class. Unpacked, the app
     * can start from a class-data archive (see {@link AppProcess#start}); {@code AMY_CDS=false} runs the packed jar.
     */
    private Path copyOfJar() {
        Path dir = temporaryDir("amy-bench-jar-");
        try {
            if ("false".equals(System.getenv("AMY_CDS"))) {
                return Files.copy(options.jar(), dir.resolve("amy.jar"));
            }
            Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", options.jar().toAbsolutePath().toString(), "extract", "--destination",
                    dir.resolve("app").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (extract.waitFor() != 0) {
                throw new IllegalStateException("Could not unpack " + options.jar() + ": exit " + extract.exitValue());
            }
            return dir.resolve("app").resolve(options.jar().getFileName());
        } catch (IOException e) {
            throw new IllegalStateException("Could not copy " + options.jar(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while unpacking " + options.jar(), e);
        }
    }

    /**
     * The admin's password is set when the database is created: a kept data directory keeps it beside the database,
     * so a later run can log in.
     */
    private static String adminPassword(Path dataDir) {
        Path file = dataDir.resolve("bench-admin-password");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            String password = UUID.randomUUID().toString();
            Files.writeString(file, password);
            return password;
        } catch (IOException e) {
            throw new IllegalStateException("Could not keep the admin's password in " + file, e);
        }
    }

    /** Starts the app on the data directory; it loads the data set (once per directory and size) before it is up. */
    private Results.DataSet load() {
        Path log = options.out().resolve(stamp + "-app.log");
        progress("starting AMY with the %s data set in %s (log %s); loading it takes minutes the first time",
                options.size(), dataDir, log);
        // Without the commands only, the app that loads also serves the first round of the export computed per
        // request ({@link #perRequestAndRestarts}), so its cache is off.
        app = start(log, options.commandsOnly() ? Map.of() : UNCACHED);
        app.awaitHealthy(Duration.ofMinutes(120));
        admin = new AmyClient(app.base(), "admin", password);
        sessions.clear();
        Double loadSeconds = null;
        String loaded = "loaded by an earlier run in " + dataDir;
        Matcher m = LOADED.matcher(read(log));
        if (m.find()) {
            loadSeconds = Double.parseDouble(m.group(2));
            loaded = m.group(1) + " commands";
            progress("data set loaded: %s commands in %s s", m.group(1), m.group(2));
        }
        awaitCaughtUp();
        Results.DataSet set = new Results.DataSet(count("SELECT count(*) FROM domain_event_entry"),
                count("SELECT count(*) FROM workshop_view"), count("SELECT count(*) FROM person_view"),
                count("SELECT count(*) FROM workshop_task_view"), count("SELECT count(*) FROM person_award_view"),
                loadSeconds, loaded);
        progress("data set: %,d events, %,d workshops, %,d people, %,d tasks, %,d awards", set.events(),
                set.workshops(), set.people(), set.tasks(), set.awards());
        set.drift(options.size()).ifPresent(warning -> {
            progress("warning: %s", warning);
            notes.add(warning);
        });
        return set;
    }

    /** The settings every start of the app gets: the data set to load and the static copy's folder. */
    private Map<String, String> startSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("AMY_BENCH_DATA", options.size());
        settings.put("AMY_BENCH_STATIC_DIR", staticDir.toString());
        settings.put("AMY_SEED", "true");
        return settings;
    }

    private AppProcess start(Path log, Map<String, String> more) {
        Map<String, String> settings = startSettings();
        settings.putAll(more);
        AppProcess started = AppProcess.start(options.engine(), jar, javaOptions, dataDir, log, password,
                settings);
        writePidFile(started);
        return started;
    }

    /** Waits until every read model has handled the store's head. */
    private void awaitCaughtUp() {
        long deadline = System.nanoTime() + Duration.ofMinutes(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = admin.expect(200, admin.get("api/admin/read-models"), "GET read-models").json();
            boolean behind = false;
            for (JsonNode model : status) {
                behind |= model.path("lag").asLong() > 0;
            }
            if (!behind) {
                return;
            }
            AppProcess.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("The read models did not catch up with the store");
    }

    /** The organisations and people of the data set that the command mix works with. */
    private Mix pools() {
        List<String> hosts = new ArrayList<>();
        for (JsonNode o : admin.expect(200, admin.get("api/organisations"), "organisations").json()) {
            if (o.path("domain").asString().endsWith(".example.org")) {
                hosts.add(o.path("domain").asString());
            }
        }
        List<String> people = new ArrayList<>();
        int wanted = 20_000;
        for (int page = 1; people.size() < wanted; page++) {
            JsonNode p = admin.expect(200, admin.get("api/persons?page_size=1000&page=" + page), "persons").json();
            for (JsonNode person : p.path("results")) {
                people.add(person.path("username").asString());
            }
            if (p.path("next").isNull() || p.path("results").isEmpty()) {
                break;
            }
        }
        return new Mix(hosts, people, "x" + Long.toString(System.currentTimeMillis(), 36));
    }

    /**
     * The command mix until the app's JIT compilers have settled (at most {@link #JIT_SETTLED} of a core over a
     * stretch): a server runs for days, and a fresh JVM's compilers otherwise take about half the
     * app's CPU in the first minutes of the mix, which would count as the commands' cost. At least three phases, at
     * most {@code --warm-up-max}; the run records how long it took and whether the compilers settled.
     */
    private void warmUp(Mix mix) {
        Duration least = options.phase().multipliedBy(3);
        // --quick keeps to about five minutes: its warm-up is one stretch of three phases.
        Duration stretch = options.quick() ? least
                : options.phase().compareTo(WARM_UP_STRETCH) > 0 ? options.phase() : WARM_UP_STRETCH;
        Duration most = options.warmUpMax();
        long started = System.nanoTime();
        int commands = 0;
        double jitCores;
        boolean settled;
        while (true) {
            MixRun.Sample s = mix(mix, options.maxClients(), stretch);
            commands += s.commands();
            jitCores = s.appCpuByThreads().getOrDefault(ThreadCpu.JIT, 0.0) / s.seconds();
            Duration spent = Duration.ofNanos(System.nanoTime() - started);
            settled = jitCores <= JIT_SETTLED;
            if (spent.compareTo(least) >= 0 && (settled || spent.plus(stretch).compareTo(most) > 0)) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> run = run("warm_up", 0);
        run.put("commands", commands);
        run.put("seconds", Figure.round(seconds));
        run.put("jit_cores_last_stretch", Figure.round(jitCores));
        run.put("jit_settled", settled);
        runs.add(run);
        progress("warm-up: %d commands in %.1f s; the JIT compilers used %.2f of a core at the end%s", commands,
                seconds, jitCores, settled ? "" : " (not settled: the figures below include compiling)");
    }

    /**
     * The read paths once over before they are measured, none of it recorded: the export's 200s for a phase, a few
     * audit windows and exports as of an instant, then (but with {@code --quick}) the export's 304s and its static
     * copy's 200s and 304s, a phase each, so the first round does not count the JIT's compiling (a run whose warm-up left out the 304s measured them at 0.61 of the static copy in
     * its first round, 1.07 in its second).
     */
    private void warmUpReads(RawLimits raw) {
        URI export = app.base().resolve("api/v1/events/published.yaml");
        AmyClient.Response current = admin.expect(200, admin.get("api/v1/events/published.yaml"), "export");
        URI copy = staticCopy(current.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int n = options.exportConnections();
        HttpLoad.run("warm-up export", export, Map.of(), 200, n, options.phase());
        Instant middle = raw.middleOfHistory();
        timed(AUDIT_REQUESTS / 5, () -> admin.expect(200, admin.get("api/audit?from=" + middle + "&to="
                + middle.plus(Duration.ofMinutes(30)) + "&limit=100"), "audit window"));
        timed(AS_OF_REQUESTS, () -> admin.expect(200, admin.get("api/v1/events/published.yaml?as_of=" + middle),
                "published.yaml as of"));
        if (options.quick()) {
            // --quick keeps to about five minutes: its reads' figures include compiling, as its commands' do.
            return;
        }
        HttpLoad.run("warm-up export If-None-Match", export, Map.of("If-None-Match", current.etag()), 304, n,
                options.phase());
        HttpLoad.run("warm-up static copy", copy, Map.of(), 200, n, options.phase());
        HttpLoad.run("warm-up static copy If-Modified-Since", copy, Map.of("If-Modified-Since",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(60).atZone(ZoneOffset.UTC))),
                304, n, options.phase());
    }

    /** The command mix at {@code clients} clients, closed loop, for one phase. */
    private MixRun.Sample mix(Mix mix, int clients) {
        return mix(mix, clients, options.phase());
    }

    private MixRun.Sample mix(Mix mix, int clients, Duration duration) {
        List<Mix.Client> mine = new ArrayList<>();
        for (AmyClient session : sessions(clients)) {
            mine.add(mix.new Client(session, options.seed() * 31 + seriesCount++));
        }
        return MixRun.closed(mine, duration, app);
    }

    /**
     * {@code n} clients logged in to the running app, each with its own session and connection, logged in before any
     * phase that uses them: a login checks a BCrypt hash (tens of milliseconds of CPU), which no phase should measure.
     * The same clients serve every phase, as an admin's browser keeps its session.
     */
    private List<AmyClient> sessions(int n) {
        while (sessions.size() < n) {
            AmyClient client = new AmyClient(app.base(), "admin", password);
            client.logIn();
            sessions.add(client);
        }
        return sessions.subList(0, n);
    }

    /** The mix at a steady rate from enough clients, and how long writes waited for the read models meanwhile. */
    private void lag(int round, Mix mix, double rate) {
        List<Mix.Client> mine = new ArrayList<>();
        for (AmyClient session : sessions(LAG_CLIENTS)) {
            mine.add(mix.new Client(session, options.seed() * 31 + seriesCount++));
        }
        JsonNode before = admin.expect(200, admin.get("api/admin/read-models/lag"), "lag").json();
        MixRun.Sample s = MixRun.paced(mine, rate, options.phase(), app);
        JsonNode after = admin.expect(200, admin.get("api/admin/read-models/lag"), "lag").json();
        LagHistogram lag = LagHistogram.between(before, after);
        Map<String, Object> run = run("lag", round);
        run.put("target_rate", rate);
        run.put("commands_per_second", Figure.round(s.commandsPerSecond()));
        run.put("writes", lag.count());
        if (lag.count() == 0) {
            throw new IllegalStateException("No write waited for the read models in the lag phase");
        }
        run.put("lag_p50_ms", lag.percentile(50));
        run.put("lag_p99_ms", lag.percentile(99));
        // The last bucket (10 s and more) has no upper bound: JSON has no infinity, so it reads as null.
        run.put("lag_max_ms", Double.isFinite(lag.percentile(100)) ? lag.percentile(100) : null);
        cpu(run, s);
        // The cores the app and its PostgreSQL would keep busy at the asked rate, at this phase's cost per command.
        run.put("cores_needed", Figure.round((s.appCpuSeconds() + s.postgresCpuSeconds()) / s.commands()
                * rate));
        runs.add(run);
        progress("lag round %d: %.0f commands/s (asked %.0f), read models visible after p50 %.1f ms, p99 %.1f ms; "
                + "CPU per command: app %.1f ms, PostgreSQL %.1f ms", round + 1, s.commandsPerSecond(),
                rate, lag.percentile(50), lag.percentile(99), s.appCpuMillisPerCommand(),
                s.postgresCpuMillisPerCommand());
    }

    /**
     * Where a run's CPU went: the app (in total, per command, and by its threads' work), its PostgreSQL, and this
     * load generator, which shares the machine with them.
     */
    private static void cpu(Map<String, Object> run, MixRun.Sample s) {
        run.put("app_cpu_seconds", Figure.round(s.appCpuSeconds()));
        run.put("postgres_cpu_seconds", Figure.round(s.postgresCpuSeconds()));
        run.put("bench_cpu_seconds", Figure.round(s.benchCpuSeconds()));
        run.put("app_cpu_ms_per_command", Figure.round(s.appCpuMillisPerCommand()));
        run.put("postgres_cpu_ms_per_command", Figure.round(s.postgresCpuMillisPerCommand()));
        Map<String, Object> threads = new TreeMap<>();
        s.appCpuByThreads().forEach((group, seconds) -> threads.put(group, Figure.round(seconds)));
        run.put("app_cpu_seconds_by_threads", threads);
    }

    /** Writes the bytes where the app serves its static copy of the export; answers the copy's address. */
    private URI staticCopy(byte[] body) {
        Path file = staticDir.resolve("published.yaml");
        try {
            Files.write(file, body);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + file, e);
        }
        return app.base().resolve("bench-static/published.yaml");
    }

    /** published.yaml and a static copy of it, 200s and 304s, from this process over several connections. */
    private void exports(int round) {
        URI export = app.base().resolve("api/v1/events/published.yaml");
        AmyClient.Response current = admin.get("api/v1/events/published.yaml");
        byte[] body = current.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        URI copy = staticCopy(body);
        AmyClient.Response probe = admin.expect(200, admin.get("bench-static/published.yaml"), "static copy");
        if (!probe.body().equals(current.body())) {
            throw new IllegalStateException("The static copy differs from the export it copies");
        }
        // Measured before any mix: the export holds the loaded data set's workshops (and those earlier runs on a
        // kept database scheduled).
        Map<String, Object> size = run("export.size", round);
        size.put("published_workshops", count("SELECT count(*) FROM published_workshop WHERE published"));
        size.put("bytes", body.length);
        runs.add(size);
        progress("published.yaml round %d: %,d workshops, %,d bytes", round + 1, size.get("published_workshops"),
                body.length);
        String lastModified = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plusSeconds(60).atZone(ZoneOffset.UTC));
        int n = options.exportConnections();
        record(round, "export.published", HttpLoad.run("published.yaml", export, Map.of(), 200, n, options.phase()));
        record(round, "static.published", HttpLoad.run("static copy", copy, Map.of(), 200, n, options.phase()));
        record(round, "export.published_304", HttpLoad.run("published.yaml If-None-Match", export,
                Map.of("If-None-Match", current.etag()), 304, n, options.phase()));
        record(round, "static.published_304", HttpLoad.run("static copy If-Modified-Since", copy,
                Map.of("If-Modified-Since", lastModified), 304, n, options.phase()));
    }

    /**
     * Every read model rebuilt from the store in one pass through the admin API (the store read once for all of
     * them), then the {@code published} model replayed alone, a verification (the limit of the as-of export): a
     * rebuild of {@code published} would rebuild the other models of its processor with it.
     */
    private void rebuilds(int round) {
        Replay replay = new Replay(admin, Duration.ofMinutes(120));
        Replay.PassSample pass = replay.rebuildAll(app);
        Map<String, Object> all = run("rebuild.all", round);
        all.put("read_models", pass.readModels().size());
        all.put("events_replayed", pass.events());
        all.put("server_seconds", Figure.round(pass.serverSeconds()));
        all.put("events_per_second", Figure.round(pass.eventsPerSecond()));
        all.put("model_events_per_second", Figure.round(pass.eventsPerSecond() * pass.readModels().size()));
        all.put("app_cpu_seconds", Figure.round(pass.appCpuSeconds()));
        runs.add(all);
        progress("rebuild round %d, every read model in one pass: %d events in %.2f s = %.0f events/s", round + 1,
                pass.events(), pass.serverSeconds(), pass.eventsPerSecond());

        Replay.Sample s = replay.replayAlone(PUBLISHED, app);
        Map<String, Object> run = run("replay", round);
        run.put("read_model", PUBLISHED);
        run.put("events_replayed", s.eventsReplayed());
        run.put("server_seconds", Figure.round(s.serverSeconds()));
        run.put("events_per_second", Figure.round(s.eventsPerSecond()));
        run.put("app_cpu_seconds", Figure.round(s.appCpuSeconds()));
        run.put("differences", s.differences());
        runs.add(run);
        if (s.differences() > 0) {
            notes.add("Round " + (round + 1) + ": the verification of " + PUBLISHED + " found " + s.differences()
                    + " rows (the app lists at most 100) that differ between its live tables and a replay of the"
                    + " store (see the app's log).");
        }
        progress("replay round %d, %s alone (a verification): %d events in %.2f s = %.0f events/s, %d rows differ",
                round + 1, PUBLISHED, s.eventsReplayed(), s.serverSeconds(), s.eventsPerSecond(), s.differences());
    }

    /**
     * The auditor's two questions on the whole store: one 30-minute window of the audit log (its first page), against
     * primary-key lookups of the audit log's own table; and published.yaml as it was in the middle of history,
     * computed from the event store, against the time this round took to replay the published read model alone.
     */
    private void auditing(int round, RawLimits raw) {
        Instant middle = raw.middleOfHistory();
        String window = "api/audit?from=" + middle + "&to=" + middle.plus(Duration.ofMinutes(30)) + "&limit=100";
        double[] audit = timed(AUDIT_REQUESTS, () -> admin.expect(200, admin.get(window), "audit window"));
        Map<String, Object> run = run("audit.window", round);
        run.put("requests", audit.length);
        run.put("latency_p50_ms", Figure.round(Stats.percentile(audit, 50)));
        run.put("latency_p99_ms", Figure.round(Stats.percentile(audit, 99)));
        runs.add(run);
        double[] lookups = raw.primaryKeyLookups(AUDIT_TABLE, AUDIT_KEY, 1000);
        Map<String, Object> pk = run("raw.audit_pk_lookup", round);
        pk.put("lookups", lookups.length);
        pk.put("latency_p50_ms", Figure.round(Stats.percentile(lookups, 50)));
        runs.add(pk);
        progress("audit round %d: 30-minute window p50 %.2f ms, primary-key lookup p50 %.3f ms", round + 1,
                run.get("latency_p50_ms"), pk.get("latency_p50_ms"));

        String asOf = "api/v1/events/published.yaml?as_of=" + middle;
        double[] seconds = timed(AS_OF_REQUESTS, () -> admin.expect(200, admin.get(asOf), "published.yaml as of"));
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] /= 1000;
        }
        Map<String, Object> as = run("export.published_as_of", round);
        as.put("requests", seconds.length);
        as.put("seconds_p50", Figure.round(Stats.percentile(seconds, 50)));
        runs.add(as);
        progress("as-of round %d: published.yaml as of %s in p50 %.2f s", round + 1, middle, as.get("seconds_p50"));
    }

    /** Milliseconds each of {@code n} calls took, one after another. */
    private static double[] timed(int n, Runnable call) {
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        return millis;
    }

    /**
     * The export computed per request in the app that loaded the data set (started with its cache off), then, each
     * round, the app stopped and started again on the same, initialised database and timed to healthy: with its
     * cache off while a per-request round is left, as it runs everywhere for the last, which measures the rest. So
     * the run starts the app as often as it has rounds, plus the first start.
     */
    private void perRequestAndRestarts() {
        for (int round = 0; round < options.rounds(); round++) {
            URI export = app.base().resolve("api/v1/events/published.yaml");
            // Warmed like the cached export is, so the comparison is not with a cold JIT. Rendered per request, a
            // large export can take minutes to answer on a cold JVM with every connection waiting for its turn.
            HttpLoad.run("warm-up, no cache", export, Map.of(), 200, options.exportConnections(), options.phase(),
                    UNCACHED_REQUEST_TIMEOUT);
            record(round, "export.published_uncached", HttpLoad.run("published.yaml, no cache", export, Map.of(), 200,
                    options.exportConnections(), options.phase(), UNCACHED_REQUEST_TIMEOUT));
            app.close();
            boolean last = round == options.rounds() - 1;
            Path log = options.out().resolve(stamp + "-app-restart-" + (round + 1) + ".log");
            long t0 = System.nanoTime();
            app = start(log, last ? Map.of() : UNCACHED);
            app.awaitHealthy(Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> run = run("start", round);
            run.put("seconds", Figure.round(seconds));
            runs.add(run);
            progress("restart round %d: healthy after %.1f s", round + 1, seconds);
            admin = new AmyClient(app.base(), "admin", password);
            sessions.clear();
        }
        awaitCaughtUp();
    }

    /** The lag phases asked for {@code rate} commands/s. */
    private static Predicate<Map<String, Object>> lagAt(double rate) {
        return r -> r.get("phase").equals("lag") && Double.valueOf(rate).equals(r.get("target_rate"));
    }

    /** Whether the app ran every phase within its heap: alive, and no OutOfMemoryError in any of its logs. */
    private boolean heapHeld() {
        try (Stream<Path> logs = Files.list(options.out())) {
            boolean oom = logs.filter(p -> p.getFileName().toString().startsWith(stamp + "-app"))
                    .anyMatch(p -> read(p).contains("OutOfMemoryError"));
            return !oom;
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the app's logs", e);
        }
    }

    private List<Figure> figures(boolean heapOk) {
        List<Figure> figures = new ArrayList<>();
        for (int c : options.clients()) {
            Figure limit = figure("raw.insert.rows_per_second", "raw INSERT rows/s", c, "rows/s",
                    r -> r.get("phase").equals("raw.insert") && r.get("clients").equals(c), "rows_per_second", null,
                    null);
            Predicate<Map<String, Object>> these = r -> r.get("phase").equals("mix") && r.get("clients").equals(c);
            figures.add(figure("mix.commands_per_second", "command mix commands/s", c, "commands/s", these,
                    "commands_per_second", Figure.limit(limit), Figure.Target.ratioAtLeast(0.7)));
            figures.add(figure("mix.latency_p50", "command mix p50", c, "ms", these, "latency_p50_ms", null, null));
            figures.add(figure("mix.latency_p99", "command mix p99", c, "ms", these, "latency_p99_ms", null, null));
            figures.add(limit);
            if (!options.floors()) {
                continue;
            }
            Figure floor = figure("raw.design_floor.writes_per_second", "raw event INSERT + a commit per read model, "
                    + "writes/s", c, "writes/s", r -> r.get("phase").equals("raw.design_floor")
                    && r.get("clients").equals(c), "rows_per_second", Figure.limit(limit), null);
            figures.add(figure("mix.vs_design_floor", "command mix against the design floor", c, "commands/s",
                    these, "commands_per_second", Figure.limit(floor), null));
            figures.add(floor);
            figures.add(figure("raw.single_commit_floor.writes_per_second", "raw event INSERT + one commit for "
                    + "every read model together, writes/s", c, "writes/s",
                    r -> r.get("phase").equals("raw.single_commit_floor") && r.get("clients").equals(c),
                    "rows_per_second", Figure.limit(limit), null));
        }
        Figure keyset = figure("raw.keyset_read.rows_per_second", "raw keyset read rows/s", null, "rows/s",
                r -> r.get("phase").equals("raw.keyset_read"), "rows_per_second", null, null);
        Figure auditFloor = !options.floors() ? null : figure("raw.audit_floor.rows_per_second",
                "raw keyset read + one audit row per event (the least a rebuild of this design costs)", null,
                "rows/s", r -> r.get("phase").equals("raw.audit_floor"), "rows_per_second", Figure.limit(keyset),
                null);
        figures.add(figure("rebuild.all.events_per_second", "rebuild, every read model in one pass, events/s", null,
                "events/s", r -> r.get("phase").equals("rebuild.all"), "events_per_second", Figure.limit(keyset),
                Figure.Target.ratioAtLeast(0.3)));
        if (auditFloor != null) {
            figures.add(figure("rebuild.all.vs_audit_floor", "rebuild, every read model, against the audit floor",
                    null, "events/s", r -> r.get("phase").equals("rebuild.all"), "events_per_second",
                    Figure.limit(auditFloor), null));
        }
        figures.add(figure("rebuild.all.model_events_per_second", "rebuild, every read model: events handled by "
                + "all the models together, /s", null, "events/s", r -> r.get("phase").equals("rebuild.all"),
                "model_events_per_second", Figure.limit(keyset), null));
        figures.add(figure("replay.published.events_per_second", "replay of published alone (a verification), "
                + "events/s", null, "events/s", r -> r.get("phase").equals("replay")
                && PUBLISHED.equals(r.get("read_model")),
                "events_per_second", Figure.limit(keyset), null));
        figures.add(auditFloor);
        figures.add(keyset);

        Figure staticOk = load("static.published", "static file 200/s", "responses_per_second", null, null);
        Figure static304 = load("static.published_304", "static file 304/s", "responses_per_second", null, null);
        Figure uncached = load("export.published_uncached", "published.yaml computed per request 200/s",
                "responses_per_second", null, null);
        Figure cached = load("export.published", "published.yaml 200/s", "responses_per_second",
                Figure.limit(staticOk), Figure.Target.ratioAtLeast(0.8));
        figures.add(cached);
        figures.add(load("export.published", "published.yaml 200 p50", "latency_p50_ms", null, null));
        figures.add(figure("export.published.vs_per_request", "published.yaml 200/s against per request",
                options.exportConnections(), "1/s", r -> r.get("phase").equals("export.published"),
                "responses_per_second", Figure.limit(uncached), Figure.Target.ratioAtLeast(10)));
        figures.add(uncached);
        figures.add(load("export.published_304", "published.yaml 304/s", "responses_per_second",
                Figure.limit(static304), Figure.Target.ratioAtLeast(0.8)));
        figures.add(staticOk);
        figures.add(static304);

        Predicate<Map<String, Object>> lagPhase = lagAt(options.lagRate());
        figures.add(figure("lag.p99", "projection lag p99 at " + Report.number(options.lagRate()) + " commands/s",
                null, "ms", lagPhase, "lag_p99_ms", null, Figure.Target.atMost(50, "ms")));
        figures.add(figure("lag.p50", "projection lag p50", null, "ms", lagPhase, "lag_p50_ms", null, null));
        figures.add(figure("lag.commands_per_second", "commands/s reached in the lag phase", null, "commands/s",
                lagPhase, "commands_per_second", null, null));
        for (double rate : options.lagCurve()) {
            String key = "lag.curve." + (rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate));
            String at = Report.number(rate);
            figures.add(figure(key + ".p99", "projection lag p99 at " + at + " commands/s", null, "ms", lagAt(rate),
                    "lag_p99_ms", null, null));
            figures.add(figure(key + ".commands_per_second", "commands/s reached, " + at + " asked", null,
                    "commands/s", lagAt(rate), "commands_per_second", null, null));
        }
        figures.add(figure("lag.cores_needed", "CPU the app and PostgreSQL need for "
                + Report.number(options.lagRate()) + " commands/s at the lag phase's cost per command", null,
                "cores", lagPhase, "cores_needed", new Figure.Limit("machine.cores",
                        "cores of this machine, shared with the load generator",
                        Runtime.getRuntime().availableProcessors(), "cores"), null));
        Figure pkLookup = figure("raw.audit_pk_lookup.latency_p50", "primary-key lookup on the audit table p50", null,
                "ms", r -> r.get("phase").equals("raw.audit_pk_lookup"), "latency_p50_ms", null, null);
        figures.add(figure("audit.window.latency_p50", "audit query, a 30-minute window, p50", null, "ms",
                r -> r.get("phase").equals("audit.window"), "latency_p50_ms", Figure.limit(pkLookup),
                Figure.Target.atMost(20, "ms")));
        figures.add(pkLookup);
        Figure replay = figure("replay.published.seconds", "replay of published alone, seconds", null, "s",
                r -> r.get("phase").equals("replay") && PUBLISHED.equals(r.get("read_model")), "server_seconds",
                null, null);
        figures.add(figure("export.published_as_of.seconds", "published.yaml?as_of=… p50", null, "s",
                r -> r.get("phase").equals("export.published_as_of"), "seconds_p50", Figure.limit(replay),
                Figure.Target.atMost(2, "s")));
        figures.add(replay);
        figures.add(figure("start.seconds", "start to healthy, database initialised", null, "s",
                r -> r.get("phase").equals("start"), "seconds", null, Figure.Target.atMost(10, "s")));
        figures.add(new Figure("heap", "every phase within the app's heap (" + heap() + ")", null, "", heapOk ? 1 : 0,
                heapOk ? 1 : 0, heapOk ? 1 : 0, List.of(), null, null, "passes", heapOk));
        figures.removeIf(Objects::isNull);
        return figures;
    }

    private Figure load(String phase, String label, String field, Figure.Limit limit, Figure.Target target) {
        return figure(phase + "." + field, label, options.exportConnections(), field.endsWith("_ms") ? "ms" : "1/s",
                r -> r.get("phase").equals(phase), field, limit, target);
    }

    private Figure figure(String id, String label, Integer clients, String unit, Predicate<Map<String, Object>> which,
                          String field, Figure.Limit limit, Figure.Target target) {
        List<Double> samples = runs.stream().filter(which).map(r -> ((Number) r.get(field)).doubleValue()).toList();
        if (samples.isEmpty() && (options.commandsOnly() || failure != null)) {
            return null;   // a phase not run; figures() leaves it out
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("No run measured " + id);
        }
        return Figure.of(id, label, clients, unit, Stats.spread(samples), limit, target);
    }

    private String heap() {
        return javaOptions.stream().filter(o -> o.startsWith("-Xmx")).findFirst().orElse("no -Xmx");
    }

    private void notes(Map<String, String> postgres) {
        notes.add("A shared machine with " + Runtime.getRuntime().availableProcessors() + " cores: the app, its "
                + "PostgreSQL and this load generator share them; compare ratios within one run, not across runs.");
        notes.add("Writes answer only once every read model includes their events (read-your-writes), so command "
                + "latency includes the projection of each command; the lag figure is that wait alone. The design "
                + "floor is the raw INSERT followed by one commit per read model (token moved, one row upserted): "
                + "its ratio to the raw INSERT is the most any command mix can reach in this design. With one "
                + "commit for every read model together (all of them in one processor), the floor is the most any "
                + "read-your-writes design whose read models commit apart from the event can reach.");
        if (!"on".equals(postgres.get("fsync")) || "off".equals(postgres.get("synchronous_commit"))) {
            notes.add("PostgreSQL runs with fsync=" + postgres.get("fsync") + ", synchronous_commit="
                    + postgres.get("synchronous_commit") + "; the raw INSERT limit uses the same settings.");
        }
        notes.add("The audit window and the as-of instant sit at the timestamp of the middle event of the store; the "
                + "data set is loaded in minutes, so a 30-minute window holds much of it and the query answers its "
                + "first page (100 entries).");
    }

    private void record(int round, MixRun.Sample s) {
        Map<String, Object> run = run("mix", round);
        run.put("clients", s.clients());
        run.put("commands", s.commands());
        run.put("by_kind", s.byKind());
        run.put("seconds", Figure.round(s.seconds()));
        run.put("commands_per_second", Figure.round(s.commandsPerSecond()));
        run.put("latency_p50_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 50)));
        run.put("latency_p99_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 99)));
        cpu(run, s);
        runs.add(run);
        progress("mix round %d, %d client(s): %d commands in %.1f s = %.1f commands/s, p50 %.1f ms, p99 %.1f ms; "
                + "CPU per command: app %.1f ms, PostgreSQL %.1f ms", round + 1, s.clients(), s.commands(),
                s.seconds(), s.commandsPerSecond(), run.get("latency_p50_ms"), run.get("latency_p99_ms"),
                s.appCpuMillisPerCommand(), s.postgresCpuMillisPerCommand());
    }

    private void record(int round, RawLimits.InsertSample s) {
        Map<String, Object> run = run(s.readModels() == 0 ? "raw.insert"
                : s.readModels() == 1 ? "raw.single_commit_floor" : "raw.design_floor", round);
        run.put("clients", s.clients());
        run.put("read_models", s.readModels());
        run.put("rows", s.rows());
        run.put("seconds", Figure.round(s.seconds()));
        run.put("rows_per_second", Figure.round(s.rows() / s.seconds()));
        run.put("latency_p50_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 50)));
        run.put("latency_p99_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 99)));
        runs.add(run);
        progress("raw INSERT%s round %d, %d client(s): %.0f rows/s", s.readModels() == 0 ? ""
                : s.readModels() == 1 ? " + 1 read-model commit" : " + " + s.readModels() + " read-model commits",
                round + 1, s.clients(), s.rows() / s.seconds());
    }

    private void record(int round, String phase, RawLimits.ReadSample s) {
        Map<String, Object> run = run(phase, round);
        run.put("rows", s.rows());
        run.put("passes", s.passes());
        run.put("seconds_per_pass", Figure.round(s.seconds() / s.passes()));
        run.put("rows_per_second", Figure.round(s.rows() * s.passes() / s.seconds()));
        runs.add(run);
        progress("%s round %d: %d rows x %d passes = %.0f rows/s", phase, round + 1, s.rows(), s.passes(),
                s.rows() * s.passes() / s.seconds());
    }

    private void record(int round, String phase, HttpLoad.Sample s) {
        Map<String, Object> run = run(phase, round);
        run.put("connections", s.connections());
        run.put("responses", s.responses());
        run.put("body_bytes", s.bodyBytes());
        run.put("seconds", Figure.round(s.seconds()));
        run.put("responses_per_second", Figure.round(s.perSecond()));
        run.put("latency_p50_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 50)));
        run.put("latency_p99_ms", Figure.round(Stats.percentile(s.latenciesMillis(), 99)));
        runs.add(run);
        progress("%s round %d: %.0f responses/s of %d bytes, p50 %.2f ms", s.what(), round + 1, s.perSecond(),
                s.bodyBytes(), run.get("latency_p50_ms"));
    }

    private static Map<String, Object> run(String phase, int round) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("phase", phase);
        run.put("round", round + 1);
        run.put("at", Instant.now().toString());
        return run;
    }

    private long count(String sql) {
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /**
     * Lists the processes we started for {@code ops/bench}, which stops any still alive when it exits: the last
     * resort if this JVM is killed before it can stop them itself.
     */
    private static void writePidFile(AppProcess started) {
        String file = System.getenv("AMY_BENCH_PIDFILE");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.write(Path.of(file), started.pids().stream().map(String::valueOf).toList(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + file, e);
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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }

    private synchronized void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    private void deleteTemporary() {
        for (Path dir : temporary) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                System.err.println("Could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    private Path temporaryDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            temporary.add(dir);
            return dir;
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
