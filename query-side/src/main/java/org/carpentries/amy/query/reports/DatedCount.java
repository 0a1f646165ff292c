package org.carpentries.amy.query.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One point of a cumulative report: the running total up to and including {@code date}. */
public record DatedCount(LocalDate date, long count) {

    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date);
        m.put("count", count);
        return m;
    }
}
