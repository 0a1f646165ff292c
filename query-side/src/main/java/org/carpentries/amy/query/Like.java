package org.carpentries.amy.query;

import java.util.Locale;

/** Text searches: a term as a lower-case SQL {@code LIKE} pattern, its wildcards taken literally. */
public final class Like {

    private Like() {
    }

    /** {@code %term%}, lower-cased and trimmed, with {@code \}, {@code %} and {@code _} escaped. */
    public static String containing(String term) {
        String escaped = term.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
