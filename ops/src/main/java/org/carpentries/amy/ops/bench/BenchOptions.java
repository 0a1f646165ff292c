package org.carpentries.amy.ops.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What to run, from the command line. */
record BenchOptions(boolean help, boolean quick, String size, int rounds, Duration phase, List<Integer> clients,
                    double lagRate, List<Double> lagCurve, int exportConnections, String engine, long seed,
                    Path jar, Path out, Path data, boolean commandsOnly, Duration warmUpMax, boolean floors) {

    static final String USAGE = """
            usage: ops/bench [--quick] [--size quick|full|F] [--rounds R] [--seconds S] [--clients 1,4,16]
                             [--lag-rate N] [--lag-curve N,N] [--connections N] [--engine jpa|jdbc] [--seed S]
                             [--data DIR] [--jar PATH] [--out DIR] [--commands-only] [--warm-up-max S]
                             [--floors]
              --quick          the small data set (a tenth), one round, 4 s phases, no floors
              --size           the data set: quick (about 150,000 events), full (about 1.5 million) or a
                               fraction of full such as 0.3 (default full, --quick quick)
              --rounds R       rounds of every measurement; figures are their medians (default 3, --quick 1)
              --seconds S      length of each timed phase (default 15, --quick 4)
              --clients LIST   concurrent HTTP clients for the command mix (default 1,4,16)
              --lag-rate N     commands/s for the projection-lag phase (default 200)
              --lag-curve LIST lower rates whose lag is measured too, each round, before the lag phase:
                               where the tail grows as the machine fills (default none)
              --connections N  connections for the export load (default 8)
              --engine E       event store engine (default jpa)
              --seed S         the command mix's seed (default 2016)
              --data DIR       keep the app's database in DIR; a later run with the same DIR and size skips
                               loading the data set (default: a temporary folder, deleted at the end)
              --jar PATH       the app (default api/target/api-0.1.0-SNAPSHOT.jar)
              --out DIR        where the JSON results and the app's logs go (default bench-results)
              --warm-up-max S  the longest warm-up, in seconds: the command mix runs until the app's JIT
                               compilers settle, at least three phases (default 360; --quick: three phases)
              --commands-only  only the command mix with its raw limits and the lag phase: to compare two
                               builds of the app on copies of one --data folder
              --floors         with --quick, measure the floors too (always without --quick): raw INSERTs
                               with the read models' commits, and the keyset read with an audit row per event
            The app's JVM options come from AMY_JAVA_OPTS (default -Xmx256m -XX:+UseSerialGC).""";

    static BenchOptions parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        boolean help = false;
        String size = quick ? "quick" : "full";
        int rounds = quick ? 1 : 3;
        double seconds = quick ? 4 : 15;
        List<Integer> clients = List.of(1, 4, 16);
        double lagRate = 200;
        List<Double> lagCurve = List.of();
        int connections = 8;
        String engine = "jpa";
        long seed = 2016;
        Path jar = Path.of("api/target/api-0.1.0-SNAPSHOT.jar");
        Path out = Path.of("bench-results");
        Path data = null;
        boolean commandsOnly = false;
        Double warmUpMax = null;
        boolean floors = !quick;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> { }
                case "-h", "--help" -> help = true;
                case "--size" -> size = size(value(args, ++i, arg));
                case "--rounds" -> rounds = (int) bounded(arg, value(args, ++i, arg), 1, 20);
                case "--seconds" -> seconds = number(arg, value(args, ++i, arg), 0.5, 600);
                case "--clients" -> clients = Arrays.stream(value(args, ++i, arg).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(v -> (int) bounded(arg, v, 1, 256)).toList();
                case "--lag-rate" -> lagRate = number(arg, value(args, ++i, arg), 1, 10_000);
                case "--lag-curve" -> lagCurve = Arrays.stream(value(args, ++i, arg).split(",")).map(String::strip)
                        .filter(v -> !v.isEmpty()).map(v -> number(arg, v, 1, 10_000)).toList();
                case "--connections" -> connections = (int) bounded(arg, value(args, ++i, arg), 1, 256);
                case "--engine" -> engine = engine(value(args, ++i, arg));
                case "--seed" -> seed = bounded(arg, value(args, ++i, arg), Long.MIN_VALUE, Long.MAX_VALUE);
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--jar" -> jar = Path.of(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--commands-only" -> commandsOnly = true;
                case "--floors" -> floors = true;
                case "--warm-up-max" -> warmUpMax = number(arg, value(args, ++i, arg), 0, 3600);
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("--clients needs at least one count");
        }
        Duration phase = Duration.ofMillis(Math.round(seconds * 1000));
        // --quick keeps to about five minutes: its warm-up stays three phases, so its figures include compiling.
        Duration warmUp = warmUpMax != null ? Duration.ofMillis(Math.round(warmUpMax * 1000))
                : quick ? phase.multipliedBy(3) : Duration.ofMinutes(6);
        return new BenchOptions(help, quick, size, rounds, phase, List.copyOf(clients), lagRate, lagCurve,
                connections, engine, seed, jar, out, data, commandsOnly, warmUp, floors);
    }

    int maxClients() {
        return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static String size(String value) {
        if (value.equals("quick") || value.equals("full")) {
            return value;
        }
        double fraction = number("--size", value, 0.001, 10);
        return Double.toString(fraction);
    }

    private static String engine(String value) {
        if (!value.equals("jpa") && !value.equals("jdbc")) {
            throw new IllegalArgumentException("--engine takes jpa or jdbc, not " + value);
        }
        return value;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long bounded(String option, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + value, e);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + value);
        }
        return parsed;
    }

    private static double number(String option, String value, double min, double max) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + value, e);
        }
        if (!(parsed >= min && parsed <= max)) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + value);
        }
        return parsed;
    }
}
