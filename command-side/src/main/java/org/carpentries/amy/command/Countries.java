package org.carpentries.amy.command;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Country codes as AMY accepted them: ISO 3166-1 alpha-2 plus {@code EU} and {@code W3} ("Online"). */
public final class Countries {

    public static final String ONLINE = "W3";
    private static final Set<String> CODES = codes();

    private Countries() {
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    /** Upper-cases and trims; empty becomes null. */
    public static String normalise(String code) {
        String c = Checks.blankToNull(code);
        return c == null ? null : c.toUpperCase(Locale.ROOT);
    }

    public static Checks check(String code, String field, Checks checks) {
        return checks.require(code == null || isValid(code), field, "country-unknown",
                "Not a country code (ISO 3166-1 alpha-2, EU or W3 for online): " + code);
    }

    private static Set<String> codes() {
        Set<String> codes = new TreeSet<>(Set.of(Locale.getISOCountries()));
        codes.add("EU");
        codes.add(ONLINE);
        return Set.copyOf(codes);
    }
}
