package org.carpentries.amy.api.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.InvalidInput;

/**
 * Reads a JSON object field by field: an absent field is "no change" ({@code null}), an explicit {@code null}
 * clears, a value of the wrong type is an error for that field. Unknown fields are errors too.
 */
public final class JsonFields {

    private final Map<String, Object> body;
    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    public JsonFields(Map<String, Object> body, Set<String> allowed) {
        this.body = body == null ? Map.of() : body;
        for (String name : new TreeSet<>(this.body.keySet())) {
            if (!allowed.contains(name)) {
                errors.add(new InvalidInput.FieldError(name, "unknown-field", "This field is not part of the request."));
            }
        }
    }

    public boolean has(String name) {
        return body.containsKey(name);
    }

    public Object raw(String name) {
        return body.get(name);
    }

    public Change<String> text(String name) {
        if (!body.containsKey(name)) {
            return null;
        }
        Object v = body.get(name);
        if (v == null || v instanceof String) {
            return Change.to((String) v);
        }
        return wrong(name, "a string");
    }

    public Change<Boolean> bool(String name) {
        if (!body.containsKey(name)) {
            return null;
        }
        Object v = body.get(name);
        if (v instanceof Boolean b) {
            return Change.to(b);
        }
        return wrong(name, "true or false");
    }

    public Change<Integer> integer(String name) {
        if (!body.containsKey(name)) {
            return null;
        }
        Object v = body.get(name);
        if (v == null) {
            return Change.to(null);
        }
        if (v instanceof Integer i) {
            return Change.to(i);
        }
        return wrong(name, "a whole number within ±2147483647");
    }

    public Change<Double> number(String name) {
        if (!body.containsKey(name)) {
            return null;
        }
        Object v = body.get(name);
        if (v == null) {
            return Change.to(null);
        }
        if (v instanceof Number n && !(v instanceof BigInteger) && Double.isFinite(n.doubleValue())) {
            return Change.to(n.doubleValue());
        }
        return wrong(name, "a number");
    }

    public Change<BigDecimal> decimal(String name) {
        if (!body.containsKey(name)) {
            return null;
        }
        Object v = body.get(name);
        if (v == null) {
            return Change.to(null);
        }
        try {
            if (v instanceof BigDecimal d) {
                return Change.to(d);
            }
            if (v instanceof Integer || v instanceof Long) {
                return Change.to(BigDecimal.valueOf(((Number) v).longValue()));
            }
            if (v instanceof Double d && Double.isFinite(d)) {
                return Change.to(BigDecimal.valueOf(d));
            }
            if (v instanceof String s && s.length() <= 20) {
                return Change.to(new BigDecimal(s.strip()));
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        return wrong(name, "a decimal number");
    }

    public Change<LocalDate> date(String name) {
        if (!body.containsKey(name)) {
            return null;
        }
        Object v = body.get(name);
        if (v == null) {
            return Change.to(null);
        }
        if (v instanceof String s && s.length() == 10) {
            try {
                return Change.to(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                // falls through
            }
        }
        return wrong(name, "a date as YYYY-MM-DD");
    }

    /** A list of strings (names or ids); absent is {@code null}. */
    public List<String> strings(String name) {
        if (!body.containsKey(name)) {
            return null;
        }
        if (body.get(name) instanceof List<?> list && list.stream().allMatch(x -> x instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        wrong(name, "a list of strings");
        return List.of();
    }

    public JsonFields fail(String field, String code, String message) {
        errors.add(new InvalidInput.FieldError(field, code, message));
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private <T> Change<T> wrong(String name, String expected) {
        errors.add(new InvalidInput.FieldError(name, "wrong-type", "Expected " + expected + "."));
        return null;
    }
}
