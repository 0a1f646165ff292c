package org.carpentries.amy.query.workshops;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** AMY's lifecycle of a workshop relative to today (§1.3 of the reference): upcoming and ongoing need publishing. */
public enum Timing {
    PAST, ONGOING, UPCOMING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Timing> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
