package org.carpentries.amy.ops.bench;

import java.util.List;
import java.util.Map;

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

    record Settings(String size, int rounds, double phaseSeconds, List<Integer> clients, double lagRate,
                    List<Double> lagCurve, boolean floors, int exportConnections, String engine, long seed,
                    List<String> appJavaOptions, String jar) {
    }

    /** The data set the figures were measured on; loadSeconds is null when it was loaded by an earlier run. */
    record DataSet(long events, long workshops, long people, long tasks, long awards, Double loadSeconds,
                   String loaded) {
    }
}
