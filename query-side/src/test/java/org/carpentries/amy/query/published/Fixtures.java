package org.carpentries.amy.query.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the Python-generated fixtures under {@code published/} (see generate_fixtures.py there). */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static List<String> lines(String name) {
        InputStream stream = Fixtures.class.getResourceAsStream("/published/" + name);
        if (stream == null) {
            throw new IllegalStateException("missing fixture " + name);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> jsonLines(String name) {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : lines(name)) {
            try {
                rows.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    /** Turns the tagged JSON input back into the Java values the renderers accept. */
    static Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return items;
        }
        if (node.isObject()) {
            if (node.size() == 1) {
                String tag = node.fieldNames().next();
                String text = node.get(tag).asText();
                switch (tag) {
                    case "$float":
                        return pythonHexFloat(text);
                    case "$date":
                        return LocalDate.parse(text);
                    case "$decimal":
                        return new BigDecimal(text);
                    default:
                        break;
                }
            }
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), value(field.getValue())));
            return map;
        }
        throw new IllegalArgumentException("unexpected fixture node " + node);
    }

    static double pythonHexFloat(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
