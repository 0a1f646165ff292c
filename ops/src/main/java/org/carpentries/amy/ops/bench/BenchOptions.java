package org.carpentries.amy.ops.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** What to run, from the command line. */
record BenchOptions(boolean help, boolean quick, int perClient, int rounds, List<Integer> clients,
                    List<String> engines, long seed, Path jar, Path out, Duration rawDuration) {

    static final String USAGE = """
            usage: ops/bench [--quick] [--per-client K] [--rounds R] [--clients 1,4,64] [--engines jpa,jdbc]
                             [--seed S] [--raw-seconds S] [--jar PATH] [--out DIR]
              --quick          about 10 s of appends per engine instead of about 50 s (K = 1, shorter raw runs)
              --per-client K   workshops each client schedules per round and client count (default 4); a workshop
                               takes 1-3 commands, so an append run at C clients is K x C workshops
              --rounds R       rounds of append, replay and raw measurements, engines alternating (default 3)
              --clients LIST   concurrent HTTP clients for the append (default 1,4,64)
              --engines LIST   event store engines (default jpa,jdbc)
              --seed S         workload seed (default 2016)
              --raw-seconds S  duration of each raw INSERT run (default 2, --quick 1)
              --jar PATH       the app (default api/target/api-0.1.0-SNAPSHOT.jar)
              --out DIR        where the JSON results go (default bench-results)
            The app's JVM options come from AMY_JAVA_OPTS (default as ops/run).""";

    static BenchOptions parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        boolean help = false;
        Integer perClient = null;
        int rounds = 3;
        List<Integer> clients = List.of(1, 4, 64);
        List<String> engines = List.of("jpa", "jdbc");
        long seed = 2016;
        Path jar = Path.of("api/target/api-0.1.0-SNAPSHOT.jar");
        Path out = Path.of("bench-results");
        Double rawSeconds = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> { }
                case "-h", "--help" -> help = true;
                case "--per-client" -> perClient = positive(arg, value(args, ++i, arg));
                case "--rounds" -> rounds = positive(arg, value(args, ++i, arg));
                case "--clients" -> clients = list(value(args, ++i, arg)).stream()
                        .map(v -> positive(arg, v)).toList();
                case "--engines" -> engines = engines(value(args, ++i, arg));
                case "--seed" -> seed = parseLong(arg, value(args, ++i, arg));
                case "--raw-seconds" -> rawSeconds = parseSeconds(arg, value(args, ++i, arg));
                case "--jar" -> jar = Path.of(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (perClient == null) {
            perClient = quick ? 1 : 4;
        }
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c > 256)) {
            throw new IllegalArgumentException("--clients needs one to a few counts of at most 256: " + clients);
        }
        if (rawSeconds == null) {
            rawSeconds = quick ? 1.0 : 2.0;
        }
        return new BenchOptions(help, quick, perClient, rounds, List.copyOf(clients), engines, seed, jar, out,
                Duration.ofMillis(Math.round(rawSeconds * 1000)));
    }

    int maxClients() {
        return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** Unmeasured workshops per engine, at the most clients, so the app's JIT has seen every path. */
    int warmupWorkshops() {
        return maxClients() * (quick ? 1 : 2);
    }

    /** Measured workshops per engine over all rounds and client counts. */
    int workshops() {
        return rounds * perClient * clients.stream().mapToInt(Integer::intValue).sum();
    }

    /** The engines in round {@code round}: the first engine leads in even rounds, the last in odd ones. */
    List<String> enginesInRound(int round) {
        List<String> order = new ArrayList<>(engines);
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> engines(String value) {
        List<String> engines = list(value);
        for (String engine : engines) {
            if (!engine.equals("jpa") && !engine.equals("jdbc")) {
                throw new IllegalArgumentException("--engines takes jpa and/or jdbc, not " + engine);
            }
        }
        if (engines.isEmpty() || engines.size() != engines.stream().distinct().count()) {
            throw new IllegalArgumentException("--engines needs distinct engines: " + value);
        }
        return engines;
    }

    private static int positive(String option, String value) {
        long parsed = parseLong(option, value);
        if (parsed < 1 || parsed > 1_000_000) {
            throw new IllegalArgumentException(option + " must be between 1 and 1000000: " + value);
        }
        return (int) parsed;
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value, e);
        }
    }

    private static double parseSeconds(String option, String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (!(seconds > 0 && seconds <= 600)) {
                throw new IllegalArgumentException(option + " must be in (0, 600]: " + value);
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number of seconds: " + value, e);
        }
    }
}
