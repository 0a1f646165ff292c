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

    private AuditJson() {
    }

    static TreeMap<String, Object> readFields(String json) {
        return read(json, FIELDS);
    }

    /** The fields as they read back from JSON, sorted by name, so a state is the same held or re-read. */
    static Map<String, Object> normalised(Map<String, Object> fields) {
        return readFields(write(fields));
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
