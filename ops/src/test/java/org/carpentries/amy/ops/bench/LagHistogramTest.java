package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LagHistogramTest {

    private static JsonNode json(String text) {
        return Report.JSON.readTree(text);
    }

    @Test
    void theDistributionBetweenTwoReadsIsTheirDifference() {
        JsonNode before = json("{\"count\":3,\"buckets\":[{\"upper_ms\":1.0,\"count\":2},{\"upper_ms\":5.0,"
                + "\"count\":1}]}");
        JsonNode after = json("{\"count\":103,\"buckets\":[{\"upper_ms\":1.0,\"count\":52},{\"upper_ms\":5.0,"
                + "\"count\":49},{\"upper_ms\":120.0,\"count\":1},{\"upper_ms\":null,\"count\":1}]}");
        LagHistogram lag = LagHistogram.between(before, after);
        assertThat(lag.count()).isEqualTo(100);
        assertThat(lag.percentile(50)).isEqualTo(1.0);
        assertThat(lag.percentile(51)).isEqualTo(5.0);
        assertThat(lag.percentile(98)).isEqualTo(5.0);
        assertThat(lag.percentile(99)).isEqualTo(120.0);
        assertThat(lag.percentile(100)).isInfinite();
    }

    @Test
    void nothingRecordedHasNoPercentile() {
        JsonNode same = json("{\"count\":1,\"buckets\":[{\"upper_ms\":1.0,\"count\":1}]}");
        assertThat(LagHistogram.between(same, same).percentile(99)).isNaN();
    }
}
