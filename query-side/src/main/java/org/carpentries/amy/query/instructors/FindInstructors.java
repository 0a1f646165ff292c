package org.carpentries.amy.query.instructors;

import java.util.List;
import java.util.UUID;

/**
 * Instructors near a point ({@code latitude}, {@code longitude}: an airport's or given) or at an airport in one of
 * {@code countries}, exactly one of the two; optionally of a gender, holding all {@code lessonIds} and all
 * {@code badgeIds}; and a page (1-based).
 */
public record FindInstructors(Double latitude, Double longitude, List<String> countries, String gender,
                              List<UUID> lessonIds, List<UUID> badgeIds, int page, int pageSize) {

    public FindInstructors {
        countries = countries == null ? List.of() : List.copyOf(countries);
        lessonIds = lessonIds == null ? List.of() : List.copyOf(lessonIds);
        badgeIds = badgeIds == null ? List.of() : List.copyOf(badgeIds);
        if ((latitude == null) != (longitude == null) || (latitude == null) == countries.isEmpty()) {
            throw new IllegalArgumentException("Give a point or countries, not both and not neither.");
        }
        page = Math.max(page, 1);
    }

    boolean near() {
        return latitude != null;
    }
}
