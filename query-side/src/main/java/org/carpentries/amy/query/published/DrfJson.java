package org.carpentries.amy.query.published;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Django REST Framework 3.3's JSONRenderer produced with its defaults: {@code json.dumps(data,
 * ensure_ascii=False, separators=(',', ':'))} with U+2028 and U+2029 escaped afterwards.
 */
public final class DrfJson {

    private DrfJson() {
    }

    /**
     * Accepts {@code Map} with {@code String} keys (written in iteration order), {@code List}, {@code String},
     * {@code Boolean}, {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double}, {@code BigDecimal} (as a
     * string), {@code LocalDate} (as an ISO string) and {@code null}.
     */
    public static String write(Object data) {
        StringBuilder out = new StringBuilder();
        append(out, data);
        return out.toString();
    }

    /** One element of a top-level array, to be cached and joined with {@link #document}. */
    public static String listItem(Object item) {
        return write(item);
    }

    /** How cached {@link #listItem} texts make the document {@link #write} would give for the whole list. */
    public static final ListDocument LIST = new ListDocument("[", ",", "]", "[]");

    /** Joins cached {@link #listItem} texts into the document {@link #write} would give for the whole list. */
    public static String document(List<String> items) {
        return LIST.join(items);
    }

    private static void append(StringBuilder out, Object data) {
        if (data == null) {
            out.append("null");
        } else if (data instanceof String text) {
            appendString(out, text);
        } else if (data instanceof Boolean flag) {
            out.append(flag ? "true" : "false");
        } else if (data instanceof Integer || data instanceof Long || data instanceof BigInteger) {
            out.append(data);
        } else if (data instanceof Double number) {
            out.append(floatText(number));
        } else if (data instanceof BigDecimal decimal) {
            appendString(out, decimal.toString());
        } else if (data instanceof LocalDate date) {
            appendString(out, PyDates.isoformat(date));
        } else if (data instanceof Map<?, ?> map) {
            appendObject(out, map);
        } else if (data instanceof List<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, item);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("DRF JSON rendering does not support " + data.getClass().getName());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("DRF JSON rendering needs String keys, got " + entry.getKey());
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, key);
            out.append(':');
            append(out, entry.getValue());
        }
        out.append('}');
    }

    /** Python's json module spells the non-finite floats the way JavaScript does. */
    private static String floatText(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return PyFloat.repr(value);
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                // DRF escapes these after json.dumps so the output stays a JavaScript subset.
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
