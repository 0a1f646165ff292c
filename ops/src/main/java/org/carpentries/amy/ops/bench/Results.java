package org.carpentries.amy.ops.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, as written to {@code bench-results/<timestamp>.json}: where and how it ran, every
 * figure with its unit, limit and ratio, the engines compared, and each round's raw measurements.
 */
record Results(String format, String startedAt, String finishedAt, String commandLine, String gitCommit,
               Machine machine, Settings settings, Map<String, Map<String, String>> postgres, List<Figure> figures,
               List<Comparison> comparisons, List<Map<String, Object>> runs, List<String> notes) {

    static final String FORMAT = "amy-bench/1";

    record Machine(int nproc, long memoryBytes, String cpuModel, String os, String javaVersion, String javaVm,
                   String loadAverageStart, String loadAverageEnd) {
    }

    record Settings(int perClient, int workshops, int warmupWorkshops, int rounds, List<Integer> clients, List<String> engines,
                    long seed, double rawInsertSeconds, List<String> appJavaOptions, String jar) {
    }

    /**
     * One figure across two engines: {@code ratio} is {@code second / first}; {@code better} names the engine with
     * the better median; {@code withinNoise} when their min-max ranges overlap.
     */
    record Comparison(String id, String label, Integer clients, String readModel, String unit, String first,
                      double firstValue, String second, double secondValue, Double ratio, String better,
                      boolean withinNoise) {
    }
}
