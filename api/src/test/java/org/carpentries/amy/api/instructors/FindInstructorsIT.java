package org.carpentries.amy.api.instructors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Find instructors on the shared database: each search names this test's own lesson, so others' people stay out. */
class FindInstructorsIT extends AmyIT {

    private String lesson;
    private String otherLesson;
    private String near;
    private String mid;
    private String far;
    private String home;
    private String nearby;
    private String distant;

    @BeforeEach
    void instructors() {
        for (String badge : List.of("swc-instructor", "dc-instructor")) {
            if (api.get("/api/badges/" + badge).status() == 404) {
                api.post("/api/badges", Map.of("name", badge, "title", badge, "criteria", "teach"));
            }
        }
        if (api.get("/api/roles/instructor").status() == 404) {
            api.post("/api/roles", Map.of("name", "instructor"));
        }
        lesson = unique("lesson");
        otherLesson = unique("other-lesson");
        created(api.post("/api/lessons", Map.of("name", lesson)));
        created(api.post("/api/lessons", Map.of("name", otherLesson)));
        home = airport("FJ", 0.0, 0.0);
        nearby = airport("FJ", 1.0, 1.0);
        distant = airport("TO", 10.0, 10.0);
        near = person("Nia", unique("Carter"), "F", home, List.of(lesson), "swc-instructor");
        mid = person("Mo", unique("Baker"), "M", nearby, List.of(otherLesson, lesson), "swc-instructor",
                "dc-instructor");
        far = person("Fay", unique("Adams"), "F", distant, List.of(lesson), "dc-instructor");
        person("Nobadge", unique("Aaron"), "F", home, List.of(lesson));
        person("Noairport", unique("Aaron"), "F", null, List.of(lesson), "swc-instructor");
        String archived = person("Gone", unique("Aaron"), "F", home, List.of(lesson), "swc-instructor");
        assertThat(api.put("/api/persons/" + archived + "/archived", null).status()).isEqualTo(200);
        // Erasure removes the airport and gender, so an erased instructor is found by no search.
        String erased = person("Erased", unique("Aaron"), "F", home, List.of(lesson), "swc-instructor");
        assertThat(api.post("/api/persons/" + erased + "/erasure", null).status()).isEqualTo(200);

        String host = unique("find") + ".org";
        String tag = unique("FI");
        created(api.post("/api/organisations", Fixtures.organisation(host)));
        created(api.post("/api/tags", Fixtures.tag(tag)));
        for (String slug : List.of(unique("taught-a"), unique("taught-b"))) {
            created(api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2021-05-01", List.of(tag))));
            assertThat(api.put("/api/workshops/" + slug + "/tasks/" + near + "/instructor", null).status())
                    .isEqualTo(204);
        }
    }

    @Test
    void nearAnAirportOrderedByDistanceThenFamilyName() {
        JsonNode page = find("airport=" + home.toLowerCase(Locale.ROOT) + "&lesson=" + lesson);
        assertThat(page.path("count").asInt()).isEqualTo(3);
        JsonNode results = page.path("results");
        assertThat(results.findValuesAsText("username")).containsExactly(near, mid, far);
        JsonNode first = results.get(0);
        assertThat(first.path("airport").asText()).isEqualTo(home);
        assertThat(first.path("country").asText()).isEqualTo("FJ");
        assertThat(first.path("distance").asDouble()).isZero();
        assertThat(first.path("num_taught").asInt()).isEqualTo(2);
        assertThat(first.path("name").asText()).startsWith("Nia Carter");
        assertThat(texts(first.path("badges"))).containsExactly("swc-instructor");
        assertThat(texts(results.get(1).path("lessons"))).containsExactlyInAnyOrder(lesson, otherLesson);
        assertThat(results.get(1).path("distance").asDouble()).isEqualTo(2.0);
        assertThat(results.get(2).path("distance").asDouble()).isEqualTo(200.0);
        assertThat(results.get(2).path("num_taught").asInt()).isZero();
        assertThat(fieldNames(first)).containsExactly("id", "name", "username", "airport", "country", "distance",
                "lessons", "badges", "num_taught");
    }

    @Test
    void nearAPointAndInCountries() {
        assertThat(usernames("latitude=10&longitude=10.0&lesson=" + lesson)).containsExactly(far, mid, near);
        JsonNode fiji = find("country=FJ&lesson=" + lesson);
        assertThat(fiji.path("results").findValuesAsText("username")).containsExactly(mid, near);
        assertThat(fiji.path("results").get(0).path("distance").isNull()).isTrue();
        assertThat(usernames("country=fj&country=TO&lesson=" + lesson)).containsExactly(far, mid, near);
    }

    @Test
    void genderLessonsAndBadgesMustAllMatch() {
        assertThat(usernames("airport=" + home + "&lesson=" + lesson + "&gender=f")).containsExactly(near, far);
        assertThat(usernames("airport=" + home + "&lesson=" + lesson + "&lesson=" + otherLesson))
                .containsExactly(mid);
        assertThat(usernames("airport=" + home + "&lesson=" + lesson + "&badge=dc-instructor"))
                .containsExactly(mid, far);
        assertThat(usernames("airport=" + home + "&lesson=" + lesson + "&badge=dc-instructor&badge=swc-instructor"))
                .containsExactly(mid);
    }

    @Test
    void pagesLikeThePersonList() {
        JsonNode second = find("airport=" + home + "&lesson=" + lesson + "&page_size=1&page=2");
        assertThat(second.path("count").asInt()).isEqualTo(3);
        assertThat(second.path("results").findValuesAsText("username")).containsExactly(mid);
        assertThat(second.path("next").asText()).contains("page=3");
        assertThat(second.path("previous").asText()).contains("page=1");
        JsonNode last = find("airport=" + home + "&lesson=" + lesson + "&page_size=1&page=3");
        assertThat(last.path("next").isNull()).isTrue();
        assertThat(find("airport=" + home + "&lesson=" + lesson + "&page_size=1").path("previous").isNull())
                .isTrue();
    }

    @Test
    void badSearchesAreProblems() {
        String notInstructor = unique("not-instructor");
        created(api.post("/api/badges", Map.of("name", notInstructor, "title", "x", "criteria", "x")));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "one-location-required");
        cases.put("lesson=" + lesson, "one-location-required");
        cases.put("airport=" + home + "&country=FJ", "one-location-required");
        cases.put("airport=" + home + "&latitude=1&longitude=2", "one-location-required");
        cases.put("latitude=1&longitude=2&country=FJ", "one-location-required");
        cases.put("latitude=1", "incomplete-location");
        cases.put("longitude=1&country=FJ", "incomplete-location");
        cases.put("latitude=north&longitude=2", "invalid-parameter");
        cases.put("latitude=91&longitude=2", "invalid-parameter");
        cases.put("latitude=1&longitude=-180.5", "invalid-parameter");
        cases.put("latitude=NaN&longitude=2", "invalid-parameter");
        cases.put("airport=NOPE99", "unknown-airport");
        cases.put("country=XX", "unknown-country");
        cases.put("country=FJ&gender=Z", "unknown-gender");
        cases.put("country=FJ&lesson=" + unique("no-such-lesson"), "unknown-lesson");
        cases.put("country=FJ&badge=no-such-badge", "unknown-badge");
        cases.put("country=FJ&badge=" + notInstructor, "unknown-badge");
        cases.put("country=FJ&page_size=100000", "invalid-parameter");
        cases.put("country=FJ&page=0", "invalid-parameter");
        cases.put("country=FJ&colour=red", "unknown-parameter");
        cases.put("airport=" + home + "&airport=" + nearby, "repeated-parameter");
        cases.forEach((query, code) -> {
            Api.Response r = api.get("/api/instructors?" + query);
            assertThat(r.status()).as(query + " " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.code()).as(query).isEqualTo(code);
        });
        assertThat(anonymous.get("/api/instructors?country=FJ").status()).isEqualTo(401);
    }

    @Test
    void theApiDescriptionNamesEveryParameterAndCode() {
        JsonNode get = anonymous.get("/v3/api-docs").json().path("paths").path("/api/instructors").path("get");
        assertThat(get.path("description").asText()).contains("airport", "latitude", "country", "gender", "lesson",
                "badge", "page_size");
        assertThat(get.path("responses").path("400").path("description").asText()).contains("one-location-required",
                "incomplete-location", "unknown-airport", "unknown-lesson", "unknown-badge");
    }

    private JsonNode find(String query) {
        Api.Response r = api.get("/api/instructors?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private List<String> usernames(String query) {
        return find(query).path("results").findValuesAsText("username");
    }

    private String airport(String country, double latitude, double longitude) {
        String iata;
        do {
            String n = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
            iata = "F" + n.substring(n.length() - 6);
        } while (api.get("/api/airports/" + iata).status() == 200);
        created(api.post("/api/airports", Map.of("iata", iata, "fullname", unique("Airport"), "country", country,
                "latitude", latitude, "longitude", longitude)));
        return iata;
    }

    private String person(String personal, String family, String gender, String airport, List<String> lessons,
                          String... badges) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personal", personal);
        body.put("family", family);
        body.put("gender", gender);
        body.put("lessons", lessons);
        if (airport != null) {
            body.put("airport", airport);
        }
        Api.Response r = api.post("/api/persons", body);
        created(r);
        String username = r.json().path("username").asText();
        for (String badge : badges) {
            assertThat(api.put("/api/persons/" + username + "/awards/" + badge, null).status()).isEqualTo(200);
        }
        return username;
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
