package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff (AMY's steering committee) read records with people's names but never their emails, gender, notes or other
 * personal data, are refused what cannot be redacted, and change nothing; an admin still gets everything.
 */
class StaffAccessIT extends AmyIT {

    /** Keys an admin's answer has and a staff member's must not, wherever they occur. */
    private static final Set<String> HIDDEN = StaffFields.HIDDEN;

    Api staff;
    String host;
    String slug;
    String ann;
    String bob;
    String family;

    @BeforeEach
    void data() {
        staff = newStaff();
        family = "Staffwatch" + unique("x").substring(2).replace("-", "");
        host = unique("staff") + ".example.org";
        String tag = unique("STF").toUpperCase(java.util.Locale.ROOT);
        slug = "2047-05-01-" + unique("stf");
        api.post("/api/roles", Map.of("name", "instructor"));
        api.post("/api/badges", Map.of("name", "swc-instructor", "title", "SWC", "criteria", "teach"));
        created(api.post("/api/tags", Fixtures.tag(tag)));
        created(api.post("/api/organisations", Fixtures.organisation(host)));
        Map<String, Object> w = Fixtures.publishedWorkshop(slug, host, "2047-05-01", List.of(tag));
        w.put("notes", "the host is difficult");
        created(api.post("/api/workshops", w));
        ann = person("Ann", family);
        bob = person(family, "Ann");
        assertThat(api.put("/api/persons/" + ann + "/awards/swc-instructor", Map.of("awarded", "2046-01-01"))
                .status()).isEqualTo(200);
        assertThat(api.put("/api/workshops/" + slug + "/tasks/" + ann + "/instructor", null).status())
                .isEqualTo(204);
    }

    @Test
    void staffReadPeopleByNameWithoutTheirPersonalData() {
        for (String path : List.of("/api/persons?q=" + family, "/api/persons/" + ann,
                "/api/workshops/" + slug + "/tasks", "/api/persons/duplicates", "/api/badges/swc-instructor/holders",
                "/api/reports/instructor-issues", "/api/v1/reports/instructors_by_time?start=2047-01-01&end=2047-12-31",
                "/api/v1/reports/instructors_by_time.json?start=2047-01-01&end=2047-12-31",
                "/api/workshops/" + slug, "/api/workshops?host=" + host, "/api/persons/" + ann + "?as_of="
                        + java.time.Instant.now().toString().replace("+", "%2B"))) {
            Api.Response r = staff.get(path);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
            assertThat(keys(r.json())).as(path).doesNotContainAnyElementsOf(HIDDEN).doesNotContain("url@person");
            assertThat(r.body()).as(path).doesNotContain("@example.org", "difficult", "0000-0002");
        }
        JsonNode person = staff.get("/api/persons/" + ann).json();
        assertThat(person.path("personal").asText()).isEqualTo("Ann");
        assertThat(person.path("family").asText()).isEqualTo(family);
        assertThat(person.path("full_name").asText()).isEqualTo("Ann " + family);
        assertThat(staff.get("/api/workshops/" + slug + "/tasks").body()).contains("Ann " + family);
        assertThat(staff.get("/api/workshops/" + slug).json().path("url").asText()).startsWith("https://");
        assertThat(staff.get("/api/persons/duplicates").body()).contains(family);
        assertThat(staff.get("/api/reports/instructor-issues").body()).contains("Ann " + family);
        assertThat(staff.get("/api/v1/reports/instructors_by_time?start=2047-01-01&end=2047-12-31").body())
                .contains("Ann " + family);

        JsonNode full = api.get("/api/persons/" + ann).json();
        assertThat(full.path("email").asText()).endsWith("@example.org");
        assertThat(full.path("gender").asText()).isEqualTo("F");
        assertThat(full.path("notes").asText()).isEqualTo("met at a conference");
        assertThat(full.path("url").asText()).isEqualTo("https://ann.example.net/");
        assertThat(keys(api.get("/api/persons?q=" + family).json())).containsAll(HIDDEN.stream()
                .filter(k -> Set.of("email", "gender", "notes", "may_contact", "github", "twitter", "orcid",
                        "occupation", "affiliation").contains(k)).toList());
        assertThat(api.get("/api/workshops/" + slug).json().path("notes").asText()).isEqualTo("the host is difficult");
        assertThat(api.get("/api/v1/reports/instructors_by_time?start=2047-01-01&end=2047-12-31").body())
                .contains(ann + "@example.org");
        assertThat(api.get("/api/reports/instructor-issues").body()).contains(ann + "@example.org");
    }

    @Test
    void staffCannotFindPeopleByTheirEmail() {
        // The username is the email's local part; the domain is in no name.
        String domain = unique("mail").replace("-", "") + ".example.org";
        Map<String, Object> p = new LinkedHashMap<>(Map.of("personal", "Mia", "family", family, "email",
                "mia@" + domain));
        created(api.post("/api/persons", p));

        assertThat(api.get("/api/persons?q=" + domain).json().path("count").asLong()).isEqualTo(1);
        assertThat(staff.get("/api/persons?q=" + domain).json().path("count").asLong()).isZero();
        assertThat(staff.get("/api/persons?q=Mia%20" + family).json().path("count").asLong()).isEqualTo(1);
    }

    @Test
    void reportsInYamlAndCsvLeaveOutEmailsForStaff() {
        String period = "?start=2047-01-01&end=2047-12-31";
        for (String format : List.of(".csv", ".yaml")) {
            Api.Response mine = staff.get("/api/v1/reports/instructors_by_time" + format + period);
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.body()).contains("Ann " + family).doesNotContain("person_email", "@example.org");
            assertThat(api.get("/api/v1/reports/instructors_by_time" + format + period).body())
                    .contains("person_email", ann + "@example.org");
        }
    }

    @Test
    void staffAreRefusedWhatCannotBeRedactedAndEveryWrite() {
        long before = eventCount();
        for (String path : List.of("/api/audit", "/api/audit.csv", "/api/persons/" + ann + "/history",
                "/api/persons/" + ann + "/personal-data", "/api/persons/" + ann + "/diff?from=2020-01-01T00:00:00Z",
                "/api/workshops/" + slug + "/history", "/api/admin/dead-letters", "/api/v1/export/members",
                "/api/v1/export/members.csv", "/api/instructors?country=US&gender=F",
                "/api/persons?may_contact=true")) {
            Api.Response r = staff.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.code()).as(path).isEqualTo("forbidden");
        }
        assertThat(staff.post("/api/tags", Fixtures.tag(unique("NOPE"))).status()).isEqualTo(403);
        assertThat(staff.patch("/api/persons/" + ann, Map.of("notes", "x"), "If-Match", "\"0\"").status())
                .isEqualTo(403);
        assertThat(staff.post("/api/restores", Map.of("target", Map.of("type", "tag", "key", "x"), "as_of",
                "2020-01-01T00:00:00Z", "dry_run", true)).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
        String iata = freeAirportCode();
        created(api.post("/api/airports", Map.of("iata", iata, "fullname", "Staff Airport", "country", "NZ",
                "latitude", -41.3, "longitude", 174.8)));
        for (String filter : List.of("country=US", "airport=" + iata)) {
            Api.Response r = staff.get("/api/persons?" + filter);
            assertThat(r.status()).as(filter).isEqualTo(403);
            assertThat(r.code()).as(filter).isEqualTo("forbidden");
            assertThat(api.get("/api/persons?" + filter).status()).as(filter).isEqualTo(200);
        }
        assertThat(staff.get("/api/instructors?country=US").status()).isEqualTo(200);
        assertThat(staff.get("/api/admin/read-models").status()).isEqualTo(200);
    }

    private String person(String personal, String familyName) {
        Map<String, Object> p = new LinkedHashMap<>();
        String username = unique("p").replace("-", "_");
        p.put("personal", personal);
        p.put("family", familyName);
        p.put("username", username);
        p.put("email", username + "@example.org");
        p.put("gender", "F");
        p.put("github", "gh" + username.substring(2));
        p.put("twitter", "tw" + username.substring(2));
        p.put("url", "https://ann.example.net/");
        p.put("orcid", "0000-0002-1825-0097");
        p.put("occupation", "librarian");
        p.put("affiliation", "Uni of Somewhere");
        p.put("notes", "met at a conference");
        p.put("may_contact", true);
        created(api.post("/api/persons", p));
        return username;
    }

    /** Every key in {@code node}, at any depth; a person's (an object with family) url as "url@person". */
    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            boolean person = node.has("family");
            node.fieldNames().forEachRemaining(k -> {
                out.add(person && k.equals("url") ? "url@person" : k);
                collect(node.get(k), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
