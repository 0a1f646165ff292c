package org.carpentries.amy.ops.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The app's read-model lag histogram ({@code GET /api/admin/read-models/lag}, cumulative buckets with upper bounds
 * in milliseconds) between two reads, with percentiles taken at bucket upper bounds (so at most one bucket, 0.1 ms
 * below 100 ms, pessimistic).
 */
record LagHistogram(long count, List<double[]> buckets) {

    static LagHistogram between(JsonNode before, JsonNode after) {
        Map<Double, Long> earlier = counts(before);
        Map<Double, Long> later = counts(after);
        List<double[]> buckets = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Double, Long> e : later.entrySet()) {
            long n = e.getValue() - earlier.getOrDefault(e.getKey(), 0L);
            if (n > 0) {
                buckets.add(new double[] {e.getKey(), n});
                total += n;
            }
        }
        buckets.sort((a, b) -> Double.compare(a[0], b[0]));
        return new LagHistogram(total, buckets);
    }

    private static Map<Double, Long> counts(JsonNode snapshot) {
        Map<Double, Long> counts = new LinkedHashMap<>();
        for (JsonNode b : snapshot.path("buckets")) {
            double upper = b.path("upper_ms").isNull() ? Double.POSITIVE_INFINITY : b.path("upper_ms").asDouble();
            counts.put(upper, b.path("count").asLong());
        }
        return counts;
    }

    /** The upper bound of the bucket holding the p-th percentile; NaN when nothing was recorded. */
    double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100 * count));
        long seen = 0;
        for (double[] b : buckets) {
            seen += (long) b[1];
            if (seen >= rank) {
                return b[0];
            }
        }
        return buckets.get(buckets.size() - 1)[0];
    }
}
