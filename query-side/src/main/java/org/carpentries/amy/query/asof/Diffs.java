package org.carpentries.amy.query.asof;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Field-level and record-level differences between two states. */
public final class Diffs {

    private Diffs() {
    }

    /** The fields whose values differ, in the order of {@code before}'s fields, then of {@code after}'s new ones. */
    public static List<FieldDiff> fields(Map<String, ?> before, Map<String, ?> after) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<FieldDiff> changes = new ArrayList<>();
        for (String name : names) {
            Object old = before.get(name);
            Object now = after.get(name);
            if (!same(old, now)) {
                changes.add(new FieldDiff(name, old, now));
            }
        }
        return changes;
    }

    /** Records of an export in two states, matched by the value of their field {@code key}. */
    public static ExportDiff records(String export, Instant from, Instant to, String key,
                                     List<Map<String, Object>> before, List<Map<String, Object>> after) {
        Map<Object, Map<String, Object>> old = byKey(before, key);
        Map<Object, Map<String, Object>> now = byKey(after, key);
        List<Map<String, Object>> added = new ArrayList<>();
        List<ExportDiff.Changed> changed = new ArrayList<>();
        for (var e : now.entrySet()) {
            Map<String, Object> was = old.get(e.getKey());
            if (was == null) {
                added.add(e.getValue());
            } else {
                List<FieldDiff> changes = fields(was, e.getValue());
                if (!changes.isEmpty()) {
                    changed.add(new ExportDiff.Changed(String.valueOf(e.getKey()), changes));
                }
            }
        }
        List<Map<String, Object>> removed = old.entrySet().stream().filter(e -> !now.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        return new ExportDiff(export, from, to, key, added, removed, changed);
    }

    private static Map<Object, Map<String, Object>> byKey(List<Map<String, Object>> records, String key) {
        Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> r : records) {
            byKey.putIfAbsent(r.get(key), r);
        }
        return byKey;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
