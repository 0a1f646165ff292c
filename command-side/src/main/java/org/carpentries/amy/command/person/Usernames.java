package org.carpentries.amy.command.person;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * AMY's usernames: {@code family_personal}, each part stripped, spaces turned into hyphens, everything but ASCII
 * letters, digits, underscore and hyphen dropped, lower-cased; then {@code _2}, {@code _3}… up to 100 tries.
 */
public final class Usernames {

    /** AMY's validator: {@code ^[\w\-_]+$} with Python's ASCII flag. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern DROPPED = Pattern.compile("[^A-Za-z0-9_-]");
    private static final int TRIES = 100;

    private Usernames() {
    }

    static String normalise(String name) {
        String spaced = name == null ? "" : name.strip().replace(' ', '-');
        return DROPPED.matcher(spaced).replaceAll("").toLowerCase(Locale.ROOT);
    }

    public static String stem(String personal, String family) {
        return normalise(family) + "_" + normalise(personal);
    }

    /** The first candidate that {@code free} accepts, or empty after AMY's 100 tries. */
    public static Optional<String> first(String personal, String family, Predicate<String> free) {
        String stem = stem(personal, family);
        for (int i = 1; i <= TRIES; i++) {
            String candidate = i == 1 ? stem : stem + "_" + i;
            if (free.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
