package org.carpentries.amy.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carpentries.amy.query.history.HistoryEntry;

/**
 * The log's JSON columns: a record's fields, and an event's changes as {@code [{field, old, new}]}. Decimals are
 * read back as decimals, dates are written as ISO text.
 */
final class AuditJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<TreeMap<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<Object> OBJECT = new TypeReference<>() {
    };

    private AuditJson() {
    }

    static TreeMap<String, Object> readFields(String json) {
        return read(json, FIELDS);
    }

    /**
     * The fields after an event as they read back from JSON, sorted by name (so a state is the same held or re-read).
     * Only the values the event put (not the same object as before) go through JSON: the others were read back so
     * when they were put.
     */
    static TreeMap<String, Object> normalisedAfter(Map<String, Object> before, Map<String, Object> after) {
        TreeMap<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object value = field.getValue();
            boolean kept = before.containsKey(field.getKey()) && before.get(field.getKey()) == value;
            out.put(field.getKey(), kept ? value : normalisedValue(value));
        }
        return out;
    }

    /** One value as it reads back from JSON. */
    static Object normalisedValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        return read(write(value), OBJECT);
    }

    static String writeFields(Map<String, Object> fields) {
        return write(fields);
    }

    static String writeChanges(List<HistoryEntry.FieldChange> changes) {
        List<Map<String, Object>> out = new ArrayList<>(changes.size());
        for (HistoryEntry.FieldChange c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", c.field());
            m.put("old", c.oldValue());
            m.put("new", c.newValue());
            out.add(m);
        }
        return write(out);
    }

    static List<Map<String, Object>> readChanges(String json) {
        return read(json, CHANGES);
    }

    /** Compact JSON of one value, as the CSV shows old and new values. */
    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not writable as JSON: " + value.getClass(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit JSON", e);
        }
    }
}
