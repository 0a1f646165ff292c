package org.carpentries.amy.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.carpentries.amy.api.problem.BadRequest;
import org.springframework.util.MultiValueMap;

/**
 * Query parameters read strictly: an unknown name, a repeated single-valued parameter or a malformed value is a
 * 400, never a silently wider result.
 */
public final class Params {

    /** ASCII digits only: Integer.parseInt also reads other scripts' digits, such as U+0661 for 1. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    private final MultiValueMap<String, String> params;

    public Params(MultiValueMap<String, String> params, Set<String> allowed) {
        this.params = params;
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new BadRequest("unknown-parameter", "Unknown query parameter(s): " + String.join(", ", unknown)
                    + ". Known: " + String.join(", ", new TreeSet<>(allowed)) + ".");
        }
    }

    public String one(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadRequest("repeated-parameter", "Parameter '" + name + "' may be given once.");
        }
        return values.get(0);
    }

    public List<String> all(String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    public Boolean bool(String name) {
        String v = one(name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadRequest("invalid-parameter", "Parameter '" + name + "' must be true or false.");
        };
    }

    public LocalDate date(String name) {
        String v = one(name);
        if (v == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new DateTimeParseException("A date must fall in the years 1 to 9999.", v, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadRequest("invalid-parameter", "Parameter '" + name + "' must be a date as YYYY-MM-DD.");
        }
    }

    /**
     * An instant with an explicit offset ({@code 2016-04-06T19:05:00+02:00} or {@code …Z}); a time without one is a
     * 400 {@code instant-without-offset}, since guessing the zone is how the 2016 logs were misread. A {@code +}
     * that arrived decoded as a space is taken as the {@code +} it was.
     */
    public Instant instant(String name) {
        String v = one(name);
        if (v == null) {
            return null;
        }
        try {
            return Instants.fromQuery(v);
        } catch (DateTimeParseException e) {
            if (!Instants.lacksOffset(v)) {
                throw new BadRequest("invalid-parameter", "Parameter '" + name + "' must be an instant such as "
                        + "2016-04-06T19:05:00+02:00 or 2016-04-06T17:05:00Z.");
            }
            throw new BadRequest("instant-without-offset", "Parameter '" + name + "' needs an explicit offset, "
                    + "such as 2016-04-06T19:05:00+02:00 or 2016-04-06T17:05:00Z (write + as %2B in a URL).");
        }
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String v = one(name);
        if (v == null) {
            return defaultValue;
        }
        if (WHOLE_NUMBER.matcher(v).matches()) {
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // out of int's range: falls through
            }
        }
        throw new BadRequest("invalid-parameter", "Parameter '" + name + "' must be a whole number from " + min
                + " to " + max + ".");
    }
}
