package org.carpentries.amy.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The security log, apart from domain events: one JSON object per line on the logger {@code amy.security}, with a UTC
 * time, an {@code event} name and ids only (account, token, request), never names, emails or passwords.
 */
@Component
public class SecurityLog {

    private static final Logger log = LoggerFactory.getLogger("amy.security");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * Writes {@code event} with {@code fields} (values are ids, codes, paths or counts; nulls are left out).
     */
    public void record(String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        line.put("event", event);
        fields.forEach((k, v) -> {
            if (v != null) {
                line.put(k, v instanceof Instant || v instanceof java.util.UUID ? v.toString() : v);
            }
        });
        try {
            log.info(JSON.writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A security log line could not be written as JSON", e);
        }
    }
}
