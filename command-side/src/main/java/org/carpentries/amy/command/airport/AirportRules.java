package org.carpentries.amy.command.airport;

import java.util.Locale;
import java.util.regex.Pattern;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.Countries;

/** AMY's airport fields: IATA code Char(10) and full name Char(100), both unique; country and coordinates required. */
final class AirportRules {

    /** IATA codes are three letters; AMY allowed ten characters, we keep them to ASCII letters and digits. */
    private static final Pattern IATA = Pattern.compile("[A-Z0-9]+");

    private AirportRules() {
    }

    /** Trims and upper-cases, so {@code "ams "} and {@code "AMS"} are one code; empty becomes null. */
    static String normaliseIata(String iata) {
        String code = Checks.blankToNull(iata);
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    static Checks checkIata(String iata, Checks checks) {
        if (iata == null) {
            return checks.fail("iata", "required", "An airport needs its IATA code.");
        }
        return checks.maxLength(iata, 10, "iata").require(IATA.matcher(iata).matches(), "iata", "iata-invalid",
                "An IATA code has only letters and digits, such as AMS.");
    }

    static Checks checkFullname(String fullname, Checks checks) {
        if (fullname == null) {
            return checks.fail("fullname", "required", "An airport needs its name.");
        }
        return checks.maxLength(fullname, 100, "fullname");
    }

    static Checks checkCountry(String country, Checks checks) {
        if (country == null) {
            return checks.fail("country", "required", "An airport needs its country.");
        }
        return Countries.check(country, "country", checks);
    }

    static Checks checkLatitude(Double latitude, Checks checks) {
        if (latitude == null) {
            return checks.fail("latitude", "required", "An airport needs its latitude.");
        }
        return checks.require(Double.isFinite(latitude) && Math.abs(latitude) <= 90, "latitude",
                "latitude-out-of-range", "Latitude must be between -90 and 90.");
    }

    static Checks checkLongitude(Double longitude, Checks checks) {
        if (longitude == null) {
            return checks.fail("longitude", "required", "An airport needs its longitude.");
        }
        return checks.require(Double.isFinite(longitude) && Math.abs(longitude) <= 180, "longitude",
                "longitude-out-of-range", "Longitude must be between -180 and 180.");
    }
}
