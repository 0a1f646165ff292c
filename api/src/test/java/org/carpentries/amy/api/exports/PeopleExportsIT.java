package org.carpentries.amy.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The people exports follow every change that shows in them (and only those move their ETag), refuse bad input
 * with problems instead of AMY's silent defaults, and members needs a login.
 */
class PeopleExportsIT extends AmyIT {

    private String host;
    private String tag;

    @BeforeEach
    void referenceData() {
        host = unique("exports") + ".org";
        tag = unique("T");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(tag));
        for (String badge : List.of("swc-instructor", "member")) {
            if (api.get("/api/badges/" + badge).status() == 404) {
                api.post("/api/badges", Map.of("name", badge, "title", badge, "criteria", badge));
            }
        }
        if (api.get("/api/roles/instructor").status() == 404) {
            api.post("/api/roles", Map.of("name", "instructor"));
        }
    }

    @Test
    void badInputIsAProblemNeverASilentDefault() {
        assertProblem(anonymous.get("/api/v1/export/badges.json?tag=SWC"), 400, "unknown-parameter");
        assertProblem(anonymous.get("/api/v1/export/badges.json?may_contact=true"), 400, "unknown-parameter");
        assertProblem(anonymous.get("/api/v1/export/instructors.yaml?publish_profile=true"), 400,
                "unknown-parameter");
        assertProblem(anonymous.get("/api/v1/export/instructors.yaml?may_contact=maybe"), 400, "invalid-parameter");
        assertProblem(anonymous.get("/api/v1/export/instructors.yaml?may_contact="), 400, "invalid-parameter");
        assertProblem(anonymous.get("/api/v1/export/instructors.yaml?may_contact=true&may_contact=false"), 400,
                "repeated-parameter");
        assertProblem(api.get("/api/v1/export/members.json?earliest=2016-13-01"), 400, "invalid-parameter");
        assertProblem(api.get("/api/v1/export/members.json?latest=yesterday"), 400, "invalid-parameter");
        assertProblem(api.get("/api/v1/export/members.json?earliest=2016-1-5"), 400, "invalid-parameter");
        assertProblem(api.get("/api/v1/export/members.json?earliest=2016-02-01&latest=2016-01-31"), 400,
                "invalid-date-range");
        assertProblem(api.get("/api/v1/export/members.json?since=2016-01-01"), 400, "unknown-parameter");
        assertProblem(anonymous.get("/api/v1/export/badges.xml"), 400, "unknown-format");
        assertProblem(anonymous.get("/api/v1/export/instructors?format=api"), 400, "unknown-format");
        assertProblem(api.get("/api/v1/export/members.txt"), 400, "unknown-format");
        assertProblem(anonymous.get("/api/v1/export/badges.csv"), 404, "format-not-available");
        assertProblem(anonymous.get("/api/v1/export/instructors?format=csv"), 404, "format-not-available");
        assertProblem(anonymous.get("/api/v1/export/badges.json?format=yaml"), 400, "conflicting-format");
        assertThat(anonymous.get("/api/v1/export/badges.json?format=json").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/export/badges", "Accept", "text/csv, application/yaml").header(
                "Content-Type")).startsWith("application/yaml");
    }

    @Test
    void membersNeedsALoginWhileBadgesAndInstructorsArePublic() {
        assertProblem(anonymous.get("/api/v1/export/members"), 401, "unauthenticated");
        assertProblem(anonymous.get("/api/v1/export/members.csv"), 401, "unauthenticated");
        assertProblem(anonymous.get("/api/v1/export/members/?format=yaml"), 401, "unauthenticated");
        assertThat(api.get("/api/v1/export/members.csv").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/export/badges.yaml").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/export/instructors/").status()).isEqualTo(200);
        JsonNode docs = anonymous.get("/v3/api-docs").json().path("paths");
        for (String path : List.of("/api/v1/export/badges", "/api/v1/export/badges.{format}",
                "/api/v1/export/instructors", "/api/v1/export/instructors.{format}", "/api/v1/export/members",
                "/api/v1/export/members.{format}")) {
            assertThat(docs.path(path).path("get").path("description").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void badgesFollowAwardsRevocationsArchivingAndRetirementAndNothingElse() {
        String badge = unique("badge");
        api.post("/api/badges", Map.of("name", badge, "title", "Unique", "criteria", "For this test"));
        assertThat(holders(badge)).isEmpty();
        String ann = person("Ann", Map.of());
        String bob = person("Bob", Map.of());
        String before = anonymous.get("/api/v1/export/badges.yaml").header("ETag");
        api.put("/api/persons/" + ann + "/awards/" + badge, Map.of("awarded", "2016-02-16"));
        api.put("/api/persons/" + bob + "/awards/" + badge, Map.of("awarded", "2016-02-17"));
        assertThat(holders(badge)).containsExactly(ann, bob);
        assertThat(anonymous.get("/api/v1/export/badges.yaml").body()).contains("awarded: '2016-02-16'");
        String awarded = anonymous.get("/api/v1/export/badges.yaml").header("ETag");
        assertThat(awarded).isNotEqualTo(before);

        // An email, notes or a learner's task are not in the badges export: its ETag stays.
        edit(ann, Map.of("email", unique("ann") + "@example.org", "notes", "quiet"));
        assertThat(anonymous.get("/api/v1/export/badges.yaml", "If-None-Match", awarded).status()).isEqualTo(304);

        api.delete("/api/persons/" + ann + "/awards/" + badge);
        assertThat(holders(badge)).containsExactly(bob);
        api.put("/api/persons/" + ann + "/awards/" + badge, Map.of("awarded", "2016-03-01"));
        assertThat(holders(badge)).containsExactly(bob, ann);
        api.put("/api/persons/" + bob + "/archived", null);
        assertThat(holders(badge)).containsExactly(ann);
        edit(ann, Map.of("personal", "Annabel"));
        assertThat(names(badge)).containsExactly("Annabel " + family(ann));
        api.put("/api/badges/" + badge + "/retired", null);
        assertThat(anonymous.get("/api/v1/export/badges.json").json().findValuesAsText("name")).doesNotContain(badge);
        api.delete("/api/badges/" + badge + "/retired");
        assertThat(holders(badge)).containsExactly(ann);
    }

    @Test
    void instructorsFollowBadgesAirportsContactPermissionArchivingAndErasure() {
        String airport = unique("Airport");
        String iata = airport(airport);
        String ann = person("Ann", Map.of("airport", iata, "may_contact", true));
        String bob = person("Bob", Map.of("airport", iata, "may_contact", false));
        assertThat(instructorsAt(airport, "")).isNull();
        api.put("/api/persons/" + ann + "/awards/swc-instructor", null);
        api.put("/api/persons/" + bob + "/awards/swc-instructor", null);
        assertThat(users(instructorsAt(airport, ""))).containsExactly(ann, bob);
        assertThat(users(instructorsAt(airport, "?may_contact=true"))).containsExactly(ann);
        assertThat(users(instructorsAt(airport, "?may_contact=false"))).containsExactly(bob);
        JsonNode entry = instructorsAt(airport, "");
        assertThat(entry.path("country").asText()).isEqualTo("NL");
        assertThat(entry.path("latitude").asDouble()).isEqualTo(52.3086);

        String etag = anonymous.get("/api/v1/export/instructors.json").header("ETag");
        edit(ann, Map.of("notes", "not shown"));
        assertThat(anonymous.get("/api/v1/export/instructors.json", "If-None-Match", etag).status()).isEqualTo(304);
        api.patch("/api/airports/" + iata, Map.of("fullname", airport + " Renamed"), "If-Match",
                api.get("/api/airports/" + iata).header("ETag"));
        assertThat(anonymous.get("/api/v1/export/instructors.json", "If-None-Match", etag).status()).isEqualTo(200);
        airport = airport + " Renamed";

        edit(ann, Map.of("may_contact", false));
        assertThat(instructorsAt(airport, "?may_contact=true")).isNull();
        api.put("/api/persons/" + bob + "/archived", null);
        assertThat(users(instructorsAt(airport, ""))).containsExactly(ann);
        api.delete("/api/persons/" + ann + "/awards/swc-instructor");
        assertThat(instructorsAt(airport, "")).isNull();
        api.put("/api/persons/" + ann + "/awards/swc-instructor", null);
        assertThat(users(instructorsAt(airport, ""))).containsExactly(ann);
        api.post("/api/persons/" + ann + "/erasure", null);
        assertThat(instructorsAt(airport, "")).isNull();
        assertThat(holders("swc-instructor")).contains(ann);
    }

    @Test
    void membersAreMemberBadgeHoldersAndInstructorsWhoTaughtInTheWindow() {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        String recent = unique("recent");
        String old = unique("old");
        api.post("/api/workshops", Fixtures.publishedWorkshop(recent, host, today.minusDays(10).toString(),
                List.of(tag)));
        api.post("/api/workshops", Fixtures.publishedWorkshop(old, host, today.minusDays(800).toString(),
                List.of(tag)));
        String member = person("Mia", Map.of("email", unique("mia") + "@example.org"));
        String taught = person("Tom", Map.of());
        String longAgo = person("Otto", Map.of());
        String noBadge = person("Nia", Map.of());
        api.put("/api/persons/" + member + "/awards/member", null);
        for (String instructor : List.of(taught, longAgo)) {
            api.put("/api/persons/" + instructor + "/awards/swc-instructor", null);
        }
        api.put("/api/workshops/" + recent + "/tasks/" + taught + "/instructor", null);
        api.put("/api/workshops/" + old + "/tasks/" + longAgo + "/instructor", null);
        api.put("/api/workshops/" + recent + "/tasks/" + noBadge + "/instructor", null);

        assertThat(members("")).contains(member, taught).doesNotContain(longAgo, noBadge);
        String window = "?earliest=" + today.minusDays(900) + "&latest=" + today;
        assertThat(members(window)).contains(member, taught, longAgo).doesNotContain(noBadge);
        assertThat(members("?earliest=" + today.minusDays(5) + "&latest=" + today)).contains(member)
                .doesNotContain(taught, longAgo);
        Api.Response defaults = api.get("/api/v1/export/members.json");
        Api.Response explicit = api.get("/api/v1/export/members.json?earliest=" + today.minusDays(730) + "&latest="
                + today);
        assertThat(defaults.header("ETag")).isEqualTo(explicit.header("ETag"));
        assertThat(defaults.body()).isEqualTo(explicit.body());
        JsonNode mia = StreamSupport.stream(defaults.json().spliterator(), false)
                .filter(m -> m.path("username").asText().equals(member)).findFirst().orElseThrow();
        assertThat(mia.path("email").asText()).endsWith("@example.org");
        List<String> fields = new java.util.ArrayList<>();
        mia.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("name", "email", "username");

        api.patch("/api/workshops/" + recent, Map.of("start", today.minusDays(1000).toString(), "end",
                today.minusDays(999).toString()), "If-Match", api.get("/api/workshops/" + recent).header("ETag"));
        assertThat(members("")).doesNotContain(taught);
        api.patch("/api/workshops/" + old, Map.of("start", today.minusDays(3).toString(), "end",
                today.minusDays(2).toString()), "If-Match", api.get("/api/workshops/" + old).header("ETag"));
        assertThat(members("")).contains(longAgo);
        api.put("/api/workshops/" + old + "/archived", null);
        assertThat(members("")).doesNotContain(longAgo);
        api.delete("/api/workshops/" + old + "/archived");
        assertThat(members("")).contains(longAgo);
        api.delete("/api/workshops/" + old + "/tasks/" + longAgo + "/instructor");
        assertThat(members("")).doesNotContain(longAgo);
        api.post("/api/persons/" + member + "/erasure", null);
        JsonNode erased = StreamSupport.stream(api.get("/api/v1/export/members.json").json().spliterator(), false)
                .filter(m -> m.path("username").asText().equals(member)).findFirst().orElseThrow();
        assertThat(erased.path("email").isNull()).isTrue();
        api.put("/api/persons/" + member + "/archived", null);
        assertThat(members("")).doesNotContain(member);
    }

    private String person(String personal, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("personal", personal);
        body.put("family", unique("Family"));
        Api.Response r = api.post("/api/persons", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("username").asText();
    }

    private void edit(String username, Map<String, Object> fields) {
        Api.Response r = api.patch("/api/persons/" + username, fields, "If-Match",
                api.get("/api/persons/" + username).header("ETag"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String family(String username) {
        return api.get("/api/persons/" + username).json().path("family").asText();
    }

    private JsonNode badge(String name) {
        JsonNode all = anonymous.get("/api/v1/export/badges.json").json();
        return StreamSupport.stream(all.spliterator(), false).filter(b -> b.path("name").asText().equals(name))
                .findFirst().orElseThrow();
    }

    private List<String> holders(String badge) {
        return badge(badge).path("persons").findValuesAsText("user");
    }

    private List<String> names(String badge) {
        return badge(badge).path("persons").findValuesAsText("name");
    }

    private JsonNode instructorsAt(String airport, String query) {
        JsonNode all = anonymous.get("/api/v1/export/instructors.json" + query).json();
        return StreamSupport.stream(all.spliterator(), false).filter(a -> a.path("name").asText().equals(airport))
                .findFirst().orElse(null);
    }

    private static List<String> users(JsonNode airport) {
        return airport.path("instructors").findValuesAsText("user");
    }

    private List<String> members(String query) {
        Api.Response r = api.get("/api/v1/export/members.json" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().findValuesAsText("username");
    }

    /** An airport with a code no other test uses (codes are short, so a taken one is retried). */
    private String airport(String fullname) {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            String iata = "Q" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
            Api.Response r = api.post("/api/airports", Map.of("iata", iata, "fullname", fullname, "country", "NL",
                    "latitude", 52.3086, "longitude", 4.7639));
            if (r.status() == 201) {
                return iata;
            }
        }
        throw new IllegalStateException("No free airport code");
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }
}
