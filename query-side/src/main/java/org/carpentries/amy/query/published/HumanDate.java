package org.carpentries.amy.query.published;

import java.time.LocalDate;
import java.util.Locale;

/** The short date range AMY showed as an event's {@code humandate}, e.g. {@code Mar 30-Apr 02, 2030}. */
public final class HumanDate {

    private static final String UNKNOWN = "???";

    private HumanDate() {
    }

    public static String of(LocalDate start, LocalDate end) {
        if (start != null && end == null) {
            return monthDayYear(start) + "-" + UNKNOWN;
        }
        if (start == null && end != null) {
            return UNKNOWN + "-" + monthDayYear(end);
        }
        if (start == null) {
            return UNKNOWN + "-" + UNKNOWN;
        }
        if (start.getYear() == end.getYear()) {
            if (start.getMonth() == end.getMonth()) {
                return monthDay(start) + "-" + day(end) + ", " + end.getYear();
            }
            return monthDay(start) + "-" + monthDayYear(end);
        }
        return monthDayYear(start) + "-" + monthDayYear(end);
    }

    private static String monthDayYear(LocalDate date) {
        // glibc's %Y does not pad years below 1000, so neither do we.
        return monthDay(date) + ", " + date.getYear();
    }

    private static String monthDay(LocalDate date) {
        return month(date) + " " + day(date);
    }

    private static String month(LocalDate date) {
        String name = date.getMonth().name();
        return name.charAt(0) + name.substring(1, 3).toLowerCase(Locale.ROOT);
    }

    private static String day(LocalDate date) {
        return String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
    }
}
