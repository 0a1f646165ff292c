package org.carpentries.amy.ops.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles and spreads of measured samples. */
final class Stats {

    private Stats() {
    }

    /**
     * The nearest-rank percentile: the smallest sample with at least {@code p} percent of the samples at or below
     * it, so p99 of 100 samples is the 99th smallest and never an interpolated value nobody measured.
     */
    static double percentile(double[] samples, double p) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("No samples");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("Percentile must be in (0, 100]: " + p);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** The median (the mean of the middle two for an even count), least and greatest of repeated measurements. */
    static Spread spread(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("No samples");
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1], List.copyOf(samples));
    }

    /** Repeated measurements of one figure: their median, minimum, maximum, and the samples in measured order. */
    record Spread(double median, double min, double max, List<Double> samples) {
    }
}
