package org.carpentries.amy.query.published;

import java.time.LocalDate;

/** Python's {@code date.isoformat()}, which only exists for years 1 to 9999. */
final class PyDates {

    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;

    private PyDates() {
    }

    static String isoformat(LocalDate date) {
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("Python dates stop at years 1 to 9999, got " + date);
        }
        return date.toString();
    }
}
