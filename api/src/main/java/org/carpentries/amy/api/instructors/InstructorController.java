package org.carpentries.amy.api.instructors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import org.carpentries.amy.api.web.AmyProperties;
import org.carpentries.amy.api.web.Params;
import org.carpentries.amy.command.Countries;
import org.carpentries.amy.query.airports.AirportQueries;
import org.carpentries.amy.query.airports.AirportView;
import org.carpentries.amy.query.badges.BadgeQueries;
import org.carpentries.amy.query.instructors.FindInstructors;
import org.carpentries.amy.query.instructors.InstructorMatch;
import org.carpentries.amy.query.instructors.InstructorPage;
import org.carpentries.amy.query.instructors.InstructorQueries;
import org.carpentries.amy.query.lessons.LessonQueries;
import org.carpentries.amy.query.persons.FindPersons;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Instructors", description = "AMY's \"find instructors\": people with an instructor badge and an "
        + "airport.")
class InstructorController {

    private static final Set<String> PARAMS = Set.of("airport", "latitude", "longitude", "country", "gender",
            "lesson", "badge", "page", "page_size");
    private static final Set<String> GENDERS = Set.of("U", "M", "F", "O");
    private final InstructorQueries instructors;
    private final AirportQueries airports;
    private final LessonQueries lessons;
    private final BadgeQueries badges;
    private final AmyProperties properties;

    InstructorController(InstructorQueries instructors, AirportQueries airports, LessonQueries lessons,
                         BadgeQueries badges, AmyProperties properties) {
        this.instructors = instructors;
        this.airports = airports;
        this.lessons = lessons;
        this.badges = badges;
        this.properties = properties;
    }

    /** One page of instructors, in DRF's envelope. */
    record Page(long count, String next, String previous, List<InstructorMatch> results) {
    }

    @Access({Caller.STAFF, Caller.AUDITOR})
    @GetMapping("/api/instructors")
    @Operation(summary = "Find instructors", description = "People with swc-instructor or dc-instructor and an "
            + "airport. Exactly one location: airport (IATA code or id), or latitude and longitude, or country "
            + "(repeatable). Near a point, results are ordered by squared latitude/longitude distance (AMY's "
            + "measure, in degrees², given as distance) then family name; by country, by family name. Optional: gender "
            + "(U, M, F, O), lesson (repeatable lesson name, all required), badge (repeatable instructor badge name, "
            + "all required); page, page_size (at most amy.max-page-size). Each result: id, name, username, airport, "
            + "country, distance, lessons, badges, num_taught (instructor tasks).")
    @ApiResponse(responseCode = "200", description = "{count, next, previous, results}")
    @ApiResponse(responseCode = "400", description = "one-location-required (none or several), incomplete-location "
            + "(latitude without longitude or the reverse), invalid-parameter (not a number, out of range), "
            + "unknown-airport, unknown-country, unknown-gender, unknown-lesson, unknown-badge, unknown-parameter")
    Page find(@Parameter(description = "airport, latitude, longitude, country, gender, lesson, badge, page, "
            + "page_size") @RequestParam MultiValueMap<String, String> query) {
        Params p = new Params(query, PARAMS);
        int page = p.integer("page", 1, 1, 1_000_000);
        int size = p.integer("page_size", 100, 1, properties.maxPageSize());
        Double latitude = coordinate(p, "latitude", 90);
        Double longitude = coordinate(p, "longitude", 180);
        if ((latitude == null) != (longitude == null)) {
            throw new BadRequest("incomplete-location", "Give latitude and longitude together.");
        }
        String airport = p.one("airport");
        List<String> countries = countries(p.all("country"));
        int criteria = (airport == null ? 0 : 1) + (latitude == null ? 0 : 1) + (countries.isEmpty() ? 0 : 1);
        if (criteria != 1) {
            throw new BadRequest("one-location-required", "Give exactly one location: airport, latitude and "
                    + "longitude, or country.");
        }
        if (airport != null) {
            AirportView found = airports.byReference(airport.strip()).orElseThrow(() -> new BadRequest(
                    "unknown-airport", "No airport '" + airport + "'."));
            latitude = found.latitude();
            longitude = found.longitude();
        }
        InstructorPage result = instructors.find(new FindInstructors(latitude, longitude, countries, gender(p),
                lessonIds(p.all("lesson")), badgeIds(p.all("badge")), page, size));
        return new Page(result.count(), link(result, page + 1), link(result, page - 1), result.results());
    }

    private static Double coordinate(Params p, String name, double limit) {
        String v = p.one(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (d >= -limit && d <= limit) {
                return d;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new BadRequest("invalid-parameter", "Parameter '" + name + "' must be a number from -" + (int) limit
                + " to " + (int) limit + ".");
    }

    private static List<String> countries(List<String> given) {
        List<String> codes = new ArrayList<>();
        for (String g : given) {
            String code = Countries.normalise(g);
            if (code == null || !Countries.isValid(code)) {
                throw new BadRequest("unknown-country", "No country '" + g + "'.");
            }
            codes.add(code);
        }
        return codes;
    }

    private static String gender(Params p) {
        String g = p.one("gender");
        if (g == null) {
            return null;
        }
        String code = g.strip().toUpperCase(Locale.ROOT);
        if (!GENDERS.contains(code)) {
            throw new BadRequest("unknown-gender", "Gender is U (undisclosed), M, F or O.");
        }
        return code;
    }

    private List<UUID> lessonIds(List<String> names) {
        return names.stream().map(n -> lessons.list(n, true).stream().findFirst().map(l -> l.id())
                .orElseThrow(() -> new BadRequest("unknown-lesson", "No lesson named '" + n + "'."))).toList();
    }

    private List<UUID> badgeIds(List<String> names) {
        return names.stream().map(n -> badges.byReference(n).filter(b -> FindPersons.INSTRUCTOR_BADGES.contains(
                b.name())).map(b -> b.id()).orElseThrow(() -> new BadRequest("unknown-badge", "No instructor badge '"
                + n + "'; instructor badges are " + String.join(", ", FindPersons.INSTRUCTOR_BADGES) + ".")))
                .toList();
    }

    private static String link(InstructorPage page, int number) {
        if (number < 1 || (long) (number - 1) * page.pageSize() >= page.count()) {
            return null;
        }
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", number).toUriString();
    }
}
