package org.carpentries.amy.query.published;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What djangorestframework-csv 1.4's CSVRenderer produced: records flattened to dotted columns, the sorted union of
 * columns as header, and rows written by Python's {@code csv.writer} with the default excel dialect.
 */
public final class DrfCsv {

    private static final String LEVEL_SEPARATOR = ".";
    private static final String LINE_TERMINATOR = "\r\n";

    private DrfCsv() {
    }

    /** Values may be what {@link DrfJson#write} accepts; an empty list of records renders as an empty body. */
    public static String write(List<? extends Map<String, ?>> records) {
        if (records.isEmpty()) {
            return "";
        }
        List<Map<String, Object>> rows = records.stream().map(DrfCsv::flattenItem).toList();
        TreeSet<String> header = new TreeSet<>(PyStrings.ORDER);
        rows.forEach(row -> header.addAll(row.keySet()));

        StringBuilder out = new StringBuilder();
        writeRow(out, header.stream().map(column -> (Object) column).toList());
        for (Map<String, Object> row : rows) {
            writeRow(out, header.stream().map(row::get).toList());
        }
        return out.toString();
    }

    private static Map<String, Object> flattenItem(Object item) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (item instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                flat.putAll(nest(flattenItem(list.get(index)), String.valueOf(index)));
            }
        } else if (item instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("DRF CSV rendering needs String keys, got " + entry.getKey());
                }
                flat.putAll(nest(flattenItem(entry.getValue()), key));
            }
        } else {
            flat.put("", item);
        }
        return flat;
    }

    /** An empty list or mapping contributes no column at all, exactly as in drf-csv. */
    private static Map<String, Object> nest(Map<String, Object> flat, String prefix) {
        Map<String, Object> nested = new LinkedHashMap<>();
        flat.forEach((header, value) ->
                nested.put(header.isEmpty() ? prefix : prefix + LEVEL_SEPARATOR + header, value));
        return nested;
    }

    private static void writeRow(StringBuilder out, List<Object> fields) {
        if (fields.size() == 1 && text(fields.get(0)).isEmpty()) {
            // csv.writer quotes a lone empty field so the row is not mistaken for a blank line.
            out.append("\"\"").append(LINE_TERMINATOR);
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, text(fields.get(i)));
        }
        out.append(LINE_TERMINATOR);
    }

    private static void appendField(StringBuilder out, String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0;
        if (!quote) {
            out.append(field);
            return;
        }
        out.append('"').append(field.replace("\"", "\"\"")).append('"');
    }

    /** Python's csv writes {@code str()} of each value, {@code repr()} for floats, and nothing for None. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return value.toString();
        }
        if (value instanceof Double number) {
            return PyFloat.repr(number);
        }
        if (value instanceof LocalDate date) {
            return PyDates.isoformat(date);
        }
        throw new IllegalArgumentException("DRF CSV rendering does not support " + value.getClass().getName());
    }
}
