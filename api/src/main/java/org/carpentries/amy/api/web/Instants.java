package org.carpentries.amy.api.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Instants as requests give them: ISO-8601 with an explicit offset ({@code 2016-04-06T19:05:00+02:00} or
 * {@code …Z}), never a local time, since guessing the zone is how the 2016 logs were misread. Each caller turns a
 * refusal into its own problem code.
 */
public final class Instants {

    /** An offset whose {@code +} arrived decoded as a space (an unencoded query string). */
    private static final Pattern SPACED_OFFSET = Pattern.compile(" (\\d\\d(:?\\d\\d)?)$");

    private Instants() {
    }

    /** A query parameter's instant: a {@code +} that arrived as a space is taken as the {@code +} it was. */
    public static Instant fromQuery(String value) {
        return withOffset(SPACED_OFFSET.matcher(value.strip()).replaceFirst("+$1"));
    }

    /** The earliest and latest instants AMY reads: PostgreSQL cannot compare with most beyond them (a 500 before). */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * An instant with an explicit offset, from the year 1 to 9999; {@link DateTimeParseException} for anything
     * else.
     */
    public static Instant withOffset(String value) {
        Instant instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("An instant must fall in the years 1 to 9999.", value, 0);
        }
        return instant;
    }

    /** Whether {@code value} is a date and time that only lacks its offset (a different problem from garbage). */
    public static boolean lacksOffset(String value) {
        try {
            LocalDateTime.parse(value.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
