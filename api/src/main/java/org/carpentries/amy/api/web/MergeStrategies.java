package org.carpentries.amy.api.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.command.workshop.events.MergeChoice;

/**
 * Reads a merge request's {@code strategy} object ({@code field: a | b | combine}) into a strategy record whose
 * components are the fields in order; missing fields take {@code a}. Errors go to {@code json}.
 */
public final class MergeStrategies {

    private MergeStrategies() {
    }

    /**
     * {@code aliases} maps AMY's names to ours; {@code notApplicable} names AMY fields we have no counterpart for,
     * each with the reason.
     */
    public static <R extends Record> R parse(JsonFields json, Object raw, List<String> fields,
                                             Map<String, String> aliases, Map<String, String> notApplicable,
                                             Class<R> type) {
        Map<String, MergeChoice> choices = new LinkedHashMap<>();
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            json.fail("strategy", "wrong-type", "Expected an object of field: a | b | combine.");
        } else if (raw != null) {
            for (var entry : ((Map<?, ?>) raw).entrySet()) {
                String field = String.valueOf(entry.getKey());
                String key = aliases.getOrDefault(field, field);
                if (notApplicable.containsKey(field)) {
                    json.fail("strategy." + field, "merge-not-applicable", notApplicable.get(field));
                    continue;
                }
                if (!fields.contains(key)) {
                    json.fail("strategy." + field, "unknown-field", "Not a mergeable field.");
                    continue;
                }
                try {
                    choices.put(key, MergeChoice.of(String.valueOf(entry.getValue())));
                } catch (IllegalArgumentException e) {
                    json.fail("strategy." + field, "merge-choice-invalid", "Must be a, b or combine.");
                }
            }
        }
        Object[] values = fields.stream().map(f -> choices.getOrDefault(f, MergeChoice.A)).toArray();
        try {
            var constructor = type.getDeclaredConstructor(
                    Collections.nCopies(values.length, MergeChoice.class).toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
