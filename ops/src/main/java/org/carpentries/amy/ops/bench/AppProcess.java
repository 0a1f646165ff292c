package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app as a separate process, on a fresh embedded PostgreSQL under its own data directory, listening on
 * 127.0.0.1 only. The PostgreSQL server detaches from the app (its parent is init), so it is found through its
 * {@code postmaster.pid}. Closing stops the app, which stops its PostgreSQL, and then whatever of either is left.
 */
final class AppProcess implements AutoCloseable {

    private static final Pattern POSTGRES_PORT = Pattern.compile("Embedded PostgreSQL on port (\\d+) with data in");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Inherited variables the app must not see: it runs on its own embedded PostgreSQL, with the bench's admin. */
    private static final List<String> REMOVED = List.of("AMY_DB_URL", "AMY_DB_USER", "AMY_DB_PASSWORD",
            "AMY_EMBEDDED_DB_PORT", "AMY_ADMIN_USERNAME");
    /**
     * Variables every start sets to the same value, whatever the bench's environment holds. The nightly verification
     * replays every read model: it must not run into a measurement. The load comes from one address at far more than
     * the anonymous export limit allows.
     */
    private static final Map<String, String> FIXED = Map.of("AXONIQ_UPDATE_CHECKER_DISABLED", "true",
            "AMY_VERIFICATION_ENABLED", "false", "AMY_RATE_LIMITS_ENABLED", "false");
    /** Variables every start sets from its arguments ({@link #start}). */
    private static final Set<String> FROM_ARGUMENTS = Set.of("SERVER_PORT", "AMY_DATA_DIR", "AMY_ADMIN_PASSWORD",
            "AMY_EVENT_STORE_ENGINE");
    private static final Pattern SECRET = Pattern.compile("PASSWORD|SECRET|TOKEN|KEY");

    private final String engine;
    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final URI base;
    private boolean closed;
    private volatile int postgresPort = -1;
    private volatile ProcessHandle postgres;

    private AppProcess(String engine, Process process, Path dataDir, Path log, URI base) {
        this.engine = engine;
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.base = base;
    }

    static AppProcess start(String engine, Path jar, List<String> javaOptions, Path dataDir, Path log,
                            String adminPassword, Map<String, String> settings) {
        int port = freeLoopbackPort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(classData(jar));
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-jar", jar.toAbsolutePath().toString(),
                "--server.address=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        REMOVED.forEach(env::remove);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("AMY_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("AMY_ADMIN_PASSWORD", adminPassword);
        env.putAll(settings);
        env.put("AMY_EVENT_STORE_ENGINE", engine);
        env.putAll(FIXED);
        try {
            return new AppProcess(engine, builder.start(), dataDir, log,
                    URI.create("http://127.0.0.1:" + port + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the app for " + engine, e);
        }
    }

    /**
     * The app's settings that a run takes from the bench's environment, sorted, for the result file: each {@code AMY_}
     * variable the app sees as it was inherited (its JVM options, {@code AMY_JAVA_OPTS}, are recorded apart; the
     * bench's own {@code AMY_BENCH_} variables, those every start removes or sets, and {@code setByCaller}, the
     * settings the caller passes to every start, are left out). A figure measured with, say,
     * {@code AMY_READ_MODEL_TRACE} or {@code AMY_CDS=false} says so. A secret's value is not written.
     */
    static SortedMap<String, String> inheritedSettings(Map<String, String> environment, Set<String> setByCaller) {
        SortedMap<String, String> settings = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("AMY_") && !name.startsWith("AMY_BENCH_") && !name.equals("AMY_JAVA_OPTS")
                    && !REMOVED.contains(name) && !FIXED.containsKey(name) && !FROM_ARGUMENTS.contains(name)
                    && !setByCaller.contains(name)) {
                settings.put(name, SECRET.matcher(name).find() ? "(set)" : value);
            }
        });
        return settings;
    }

    /**
     * As {@code ops/run} does: an unpacked jar starts from the archive of the classes its first run loaded, written
     * when that run stops; a packed jar (AMY_CDS=false) starts without one.
     */
    static List<String> classData(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir.resolve("lib"))) {
            return List.of();
        }
        Path archive = dir.resolve("amy.jsa");
        return List.of(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    String engine() {
        return engine;
    }

    URI base() {
        return base;
    }

    Path log() {
        return log;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The app's process and, once it is up, its PostgreSQL server's. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        if (postgres != null) {
            pids.add(postgres.pid());
        }
        return pids;
    }

    /** The embedded PostgreSQL server (its postmaster; the backends are its children). */
    ProcessHandle postgres() {
        return postgres;
    }

    /** Polls the health endpoint until it answers 200; fails early if the process ends. */
    void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("actuator/health")).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The " + engine + " app exited with " + process.exitValue()
                        + " while starting; its log: " + log + "\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    postgresPort = readPostgresPort();
                    postgres = readPostmaster();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the " + engine + " app", e);
            }
            pause(POLL);
        }
        throw new IllegalStateException("The " + engine + " app was not healthy after " + timeout + "; its log: "
                + log + "\n" + tail());
    }

    /** The embedded PostgreSQL's port, from the app's log line. */
    int postgresPort() {
        return postgresPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
    }

    private int readPostgresPort() {
        Matcher m = POSTGRES_PORT.matcher(readLog());
        if (!m.find()) {
            throw new IllegalStateException("No 'Embedded PostgreSQL on port N' line in " + log);
        }
        return Integer.parseInt(m.group(1));
    }

    private ProcessHandle readPostmaster() {
        Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL " + pid
                    + " from " + pidFile + " is not running"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not read the PostgreSQL server's pid from " + pidFile, e);
        }
    }

    private String readLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        String text;
        try {
            text = readLog();
        } catch (UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }

    /**
     * Asks the app to stop (SIGTERM: Spring closes the context and with it the embedded PostgreSQL) and kills it if it
     * has not stopped within a minute; then stops its PostgreSQL server the same way if that is still running. A
     * second caller (the shutdown hook, say) waits for the first, so nobody deletes the data directory under it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(process.toHandle(), "app");
        if (postgres != null) {
            stop(postgres, "PostgreSQL server");
        }
    }

    private void stop(ProcessHandle handle, String what) {
        if (!handle.isAlive()) {
            return;
        }
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        try {
            handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(handle, children, what);
        } catch (ExecutionException | TimeoutException e) {
            kill(handle, children, what);
        }
    }

    private void kill(ProcessHandle handle, List<ProcessHandle> children, String what) {
        System.err.println("The " + engine + " " + what + " (" + handle.pid() + ") did not stop within "
                + STOP_TIMEOUT + "; killing it");
        handle.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /** Between polls of a process the benchmark watches (a benchmark may wait; a test may not). */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
