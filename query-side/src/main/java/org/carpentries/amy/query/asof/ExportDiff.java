package org.carpentries.amy.query.asof;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How an export changed between two instants: its records (keyed by {@code key}: a workshop's slug, a badge's or an
 * airport's name) that appeared, that went, and that stayed with different fields.
 */
public record ExportDiff(String export, Instant from, Instant to, String key, List<Map<String, Object>> added,
                         List<Map<String, Object>> removed, List<Changed> changed) {

    /** A record in both states, with the fields that differ. */
    public record Changed(String key, List<FieldDiff> changes) {
    }
}
