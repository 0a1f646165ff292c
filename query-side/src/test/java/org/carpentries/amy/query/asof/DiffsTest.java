package org.carpentries.amy.query.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffsTest {

    @Test
    void fieldsThatDifferAreListedWithOldAndNewValuesAndEqualDecimalsAreTheSame() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("slug", "a");
        before.put("fee", new BigDecimal("10.0"));
        before.put("venue", "Library");
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("fee", new BigDecimal("10.00"));
        after.put("venue", null);
        after.put("tags", List.of("DC"));

        assertThat(Diffs.fields(before, after)).containsExactly(new FieldDiff("venue", "Library", null),
                new FieldDiff("tags", null, List.of("DC")));
        assertThat(Diffs.fields(before, before)).isEmpty();
    }

    @Test
    void recordsAreMatchedByKeyIntoAddedRemovedAndChanged() {
        Instant from = Instant.parse("2016-04-06T19:00:00Z");
        Instant to = Instant.parse("2016-04-06T19:30:00Z");
        List<Map<String, Object>> before = List.of(Map.of("slug", "a", "venue", "x"), Map.of("slug", "b",
                "venue", "y"), Map.of("slug", "c", "venue", "z"));
        List<Map<String, Object>> after = List.of(Map.of("slug", "a", "venue", "x"), Map.of("slug", "c",
                "venue", "w"), Map.of("slug", "d", "venue", "v"));

        ExportDiff diff = Diffs.records("published", from, to, "slug", before, after);

        assertThat(diff.added()).containsExactly(Map.of("slug", "d", "venue", "v"));
        assertThat(diff.removed()).containsExactly(Map.of("slug", "b", "venue", "y"));
        assertThat(diff.changed()).containsExactly(new ExportDiff.Changed("c", List.of(new FieldDiff("venue", "z",
                "w"))));
        assertThat(diff.from()).isEqualTo(from);
    }
}
