package org.carpentries.amy.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditJsonTest {

    private static TreeMap<String, Object> throughJson(Map<String, Object> fields) {
        return AuditJson.readFields(AuditJson.writeFields(fields));
    }

    @Test
    void theFieldsAfterAnEventAreWhatTheWholeMapReadsBackAs() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("slug", "2024-01-01-ttt");
        raw.put("start", LocalDate.of(2024, 1, 1));
        raw.put("latitude", 52.3);
        raw.put("attendance", 12L);
        raw.put("fee", new BigDecimal("10.50"));
        raw.put("tags", List.of("SWC", "DC"));
        raw.put("notes", null);
        TreeMap<String, Object> before = throughJson(raw);

        // What RecordState holds after an event: the untouched values as they were, the changed ones as put.
        Map<String, Object> after = new HashMap<>(before);
        after.put("start", LocalDate.of(2024, 2, 1));
        after.put("attendance", 13L);
        after.put("host", UUID.fromString("6b0c0f6e-58f6-4d8a-9a53-2f1f2b0c4d11"));
        after.put("tasks", List.of("Ada Lovelace as instructor"));
        after.put("published", true);
        after.remove("notes");

        TreeMap<String, Object> normalised = AuditJson.normalisedAfter(before, after);

        assertThat(normalised).isEqualTo(throughJson(after));
        assertThat(normalised.get("start")).isEqualTo("2024-02-01");
        assertThat(normalised.get("attendance")).isEqualTo(13);
        assertThat(normalised.get("host")).isEqualTo("6b0c0f6e-58f6-4d8a-9a53-2f1f2b0c4d11");
        assertThat(normalised).doesNotContainKey("notes");
        assertThat(normalised.get("fee")).isSameAs(before.get("fee"));
    }

    @Test
    void aValuePutAgainIsReadBackEvenWhenItEqualsTheOldOne() {
        TreeMap<String, Object> before = throughJson(Map.of("start", LocalDate.of(2024, 1, 1)));

        TreeMap<String, Object> normalised = AuditJson.normalisedAfter(before,
                Map.of("start", LocalDate.of(2024, 1, 1)));

        assertThat(normalised.get("start")).isEqualTo("2024-01-01");
    }
}
