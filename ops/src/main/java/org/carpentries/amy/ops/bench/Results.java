package org.carpentries.amy.ops.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run measured, as written to {@code bench-results/<timestamp>.json}: where and how it ran, the data
 * set, every figure with its unit, limit, ratio and target, each round's raw measurements, and notes.
 */
record Results(String format, String startedAt, String finishedAt, String commandLine, String gitCommit,
               Machine machine, Settings settings, DataSet dataSet, Map<String, String> postgres,
               List<Figure> figures, List<Map<String, Object>> runs, List<String> notes) {

    static final String FORMAT = "amy-bench/2";

    record Machine(int nproc, long memoryBytes, String cpuModel, String os, String javaVersion, String javaVm,
                   String loadAverageStart, String loadAverageEnd) {
    }

    /** How the run was asked for; {@code appEnvironment} holds the app's settings inherited from the environment. */
    record Settings(String size, int rounds, double phaseSeconds, List<Integer> clients, double lagRate,
                    List<Double> lagCurve, boolean floors, int exportConnections, String engine, long seed,
                    List<String> appJavaOptions, Map<String, String> appEnvironment, String jar) {
    }

    /** The data set the figures were measured on; loadSeconds is null when it was loaded by an earlier run. */
    record DataSet(long events, long workshops, long people, long tasks, long awards, Double loadSeconds,
                   String loaded) {

        /** Workshops the data set specifies at size 1 (BenchDataSet's count); {@code quick} is a tenth. */
        static final long FULL_WORKSHOPS = 10_000;

        /** How far beyond its specified size a kept data set may have grown before a run says so. */
        static final double DRIFT = 1.25;

        /**
         * What to say when a kept database has grown well beyond the size's specified workshops: every mix an
         * earlier run measured on it added the workshops it scheduled, so the export and the rebuilds read more.
         */
        Optional<String> drift(String size) {
            double fraction = switch (size) {
                case "full" -> 1;
                case "quick" -> 0.1;
                default -> Double.parseDouble(size);
            };
            long specified = Math.round(FULL_WORKSHOPS * fraction);
            if (workshops <= specified * DRIFT) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "The %s data set specifies %,d workshops; this "
                    + "database holds %,d (%,d events), grown by earlier runs' command mixes. The export and the "
                    + "rebuilds measure the larger set: start from a new --data folder for figures at the "
                    + "specified size.", size, specified, workshops, events));
        }
    }
}
