package org.carpentries.amy.query.published;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What djangorestframework-yaml 1.0 on PyYAML 3.11 rendered: {@code yaml.dump(data, Dumper=SafeDumper,
 * allow_unicode=True, default_flow_style=False)} with mapping keys always sorted and decimals as strings.
 */
public final class PyYaml {

    /** The whole document for an empty list, which PyYAML writes in flow style. */
    public static final String EMPTY_LIST = "[]\n";

    private PyYaml() {
    }

    /**
     * Accepts {@code Map} with {@code String} keys, {@code List}, {@code String}, {@code Boolean}, {@code Integer},
     * {@code Long}, {@code BigInteger}, {@code Double}, {@code BigDecimal}, {@code LocalDate} and {@code null}.
     */
    public static String dump(Object data) {
        return YamlEmitter.emit(represent(data));
    }

    /** The text one element contributes to a top-level block sequence; every element starts at column zero. */
    public static String listItem(Map<String, ?> item) {
        return dump(List.of(item));
    }

    /**
     * How cached {@link #listItem} texts make the document {@link #dump} would give for the whole list: each element
     * already starts at column zero and ends its line.
     */
    public static final ListDocument LIST = new ListDocument("", "", "", EMPTY_LIST);

    /** Joins cached {@link #listItem} texts into the document {@link #dump} would give for the whole list. */
    public static String document(List<String> items) {
        return LIST.join(items);
    }

    private static YamlNode represent(Object data) {
        if (data == null) {
            return new YamlNode.Scalar(YamlResolver.Tag.NULL, "null");
        }
        if (data instanceof String text) {
            return new YamlNode.Scalar(YamlResolver.Tag.STR, text);
        }
        if (data instanceof Boolean flag) {
            return new YamlNode.Scalar(YamlResolver.Tag.BOOL, flag ? "true" : "false");
        }
        if (data instanceof Integer || data instanceof Long || data instanceof BigInteger) {
            return new YamlNode.Scalar(YamlResolver.Tag.INT, data.toString());
        }
        if (data instanceof Double number) {
            return new YamlNode.Scalar(YamlResolver.Tag.FLOAT, floatText(number));
        }
        if (data instanceof BigDecimal decimal) {
            // drf-yaml's encoder represents Decimal as str(value), whose notation BigDecimal.toString shares.
            return new YamlNode.Scalar(YamlResolver.Tag.STR, decimal.toString());
        }
        if (data instanceof LocalDate date) {
            return new YamlNode.Scalar(YamlResolver.Tag.TIMESTAMP, PyDates.isoformat(date));
        }
        if (data instanceof Map<?, ?> map) {
            return representMapping(map);
        }
        if (data instanceof List<?> list) {
            List<YamlNode> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(represent(item));
            }
            return new YamlNode.Sequence(items);
        }
        throw new IllegalArgumentException("PyYAML rendering does not support " + data.getClass().getName());
    }

    /** drf-yaml's represent_mapping meant to keep field order but sorts every mapping by key. */
    private static YamlNode representMapping(Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String text)) {
                throw new IllegalArgumentException("PyYAML rendering needs String keys, got " + key);
            }
            keys.add(text);
        }
        keys.sort(PyStrings.ORDER);
        List<YamlNode.Entry> entries = new ArrayList<>(keys.size());
        for (String key : keys) {
            entries.add(new YamlNode.Entry(new YamlNode.Scalar(YamlResolver.Tag.STR, key), represent(map.get(key))));
        }
        return new YamlNode.Mapping(entries);
    }

    /** PyYAML's represent_float: {@code repr(x).lower()}, with {@code .0} added so exponents still read as floats. */
    private static String floatText(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        String text = PyFloat.repr(value).toLowerCase(Locale.ROOT);
        if (!text.contains(".") && text.contains("e")) {
            text = text.replaceFirst("e", ".0e");
        }
        return text;
    }
}
