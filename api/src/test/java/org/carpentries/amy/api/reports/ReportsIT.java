package org.carpentries.amy.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.carpentries.amy.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.yaml.snakeyaml.Yaml;

/**
 * The reports on a database of their own, built through the API. "Today" is 2030-03-11 in AMY's zone (the test
 * clock's zone is Pacific/Kiritimati, UTC+14) while it is still 2030-03-10 in UTC.
 */
class ReportsIT extends FreshDatabaseIT {

    private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");
    private static final MovableClock CLOCK = new MovableClock(NOW, ZoneId.of("Pacific/Kiritimati"));
    private static final String HOST = "reports.example.org";
    private static boolean built;
    private static Map<String, String> ids = new LinkedHashMap<>();

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    @BeforeEach
    void data() {
        CLOCK.set(NOW);
        if (built) {
            return;
        }
        built = true;
        api.post("/api/roles", Map.of("name", "instructor"));
        api.post("/api/roles", Map.of("name", "learner"));
        for (String tag : List.of("SWC", "DC", "TTT", "stalled", "unresponsive")) {
            created(api.post("/api/tags", Fixtures.tag(tag)));
        }
        created(api.post("/api/badges", Map.of("name", "swc-instructor", "title", "SWC", "criteria", "teach")));
        created(api.post("/api/badges", Map.of("name", "dc-instructor", "title", "DC", "criteria", "teach")));
        created(api.post("/api/organisations", Fixtures.organisation(HOST)));
        created(api.post("/api/airports", Map.of("iata", "RPT", "fullname", "Report Airport", "country", "NZ",
                "latitude", -41.3, "longitude", 174.8)));

        workshop("2029-06-01-old", "2029-06-01", null, 4, "SWC");
        workshop("2030-01-05-swc", "2030-01-05", null, 20, "SWC");
        workshop("2030-01-05-dc", "2030-01-05", null, 10, "DC");
        workshop("2030-01-20-gone", "2030-01-20", null, 100, "SWC");
        workshop("2030-02-01-both", "2030-02-01", null, null, "SWC", "DC");
        workshop("2030-02-10-ttt", "2030-02-10", null, null, "TTT");
        workshop("2030-02-15-unresponsive", "2030-02-15", null, 3, "SWC", "unresponsive");
        workshop("2030-02-20-stalled", "2030-02-20", null, null, "TTT", "stalled");
        workshop("2030-03-09-edge", "2030-03-09", "2030-03-10", 5, "SWC");
        workshop("2030-03-11-next", "2030-03-11", "2030-03-12", 7, "DC");

        person("ann", "Ann", "Alpha", true, null);
        person("bob", "Bob", "Beta", true, "RPT");
        person("cat", "Cat", "Gamma", false, "RPT");
        person("dan", "Dan", "Delta", true, null);
        person("erin", "Erin", "Eps", true, "RPT");
        person("tom", "Tom", "Tau", true, null);
        person("sue", "Sue", "Sigma", true, null);
        person("zed", "Zed", "Zeta", true, null);
        award("ann", "swc-instructor", "2029-05-01");
        award("ann", "dc-instructor", "2029-07-01");
        award("bob", "swc-instructor", "2029-07-01");
        award("cat", "dc-instructor", "2029-08-15");
        award("erin", "swc-instructor", "2029-08-15");
        award("zed", "swc-instructor", "2029-01-01");
        task("2030-01-05-swc", "ann", "instructor");
        task("2030-02-01-both", "ann", "instructor");
        task("2030-01-05-dc", "bob", "instructor");
        task("2030-01-20-gone", "bob", "instructor");
        task("2030-02-15-unresponsive", "bob", "instructor");
        task("2029-06-01-old", "bob", "instructor");
        task("2030-02-01-both", "cat", "instructor");
        task("2030-03-09-edge", "dan", "instructor");
        task("2030-03-11-next", "erin", "instructor");
        task("2030-01-05-swc", "erin", "instructor");
        task("2030-01-05-swc", "zed", "instructor");
        task("2030-02-10-ttt", "ann", "learner");
        task("2030-02-10-ttt", "tom", "learner");
        task("2030-02-20-stalled", "tom", "learner");
        task("2030-02-20-stalled", "sue", "learner");
        assertThat(api.put("/api/workshops/2030-01-20-gone/archived", null).status()).isEqualTo(204);
        assertThat(api.put("/api/persons/" + ids.get("zed") + "/archived", null).status()).isEqualTo(200);
        assertThat(api.post("/api/persons/" + ids.get("erin") + "/erasure", null).status()).isEqualTo(200);
    }

    @Test
    void workshopsOverTimeCountsPastWorkshopsWithTodayInAmysZone() {
        // 2030-03-09-edge ended on 2030-03-10: past in Kiritimati (2030-03-11), not yet in UTC.
        assertThat(pairs(api.get("/api/v1/reports/workshops_over_time").json())).containsExactly(
                "2029-06-01=1", "2030-01-05=2", "2030-01-05=3", "2030-02-01=4", "2030-02-10=5", "2030-02-15=6",
                "2030-02-20=7", "2030-03-09=8");
    }

    @Test
    void pastIsComputedAtEachRequest() {
        assertThat(api.get("/api/v1/reports/workshops_over_time.json").json()).hasSize(8);
        CLOCK.set(Instant.parse("2030-03-12T12:00:00Z"));
        assertThat(pairs(api.get("/api/v1/reports/workshops_over_time.json").json())).hasSize(9)
                .endsWith("2030-03-11=9");
        assertThat(pairs(api.get("/api/v1/reports/learners_over_time.json").json())).endsWith("2030-03-11=53");
    }

    @Test
    void learnersOverTimeSumsAttendanceWithNoneAsZero() {
        // The TTT workshops' attendance comes from their learner tasks (2 each).
        assertThat(pairs(api.get("/api/v1/reports/learners_over_time").json())).containsExactly(
                "2029-06-01=4", "2030-01-05=24", "2030-01-05=34", "2030-02-01=34", "2030-02-10=36", "2030-02-15=39",
                "2030-02-20=41", "2030-03-09=46");
    }

    @Test
    void instructorsOverTimeCountsEachInstructorOnceAtTheFirstBadge() {
        // Ann's second badge (2029-07-01) does not count her again; archived Zed does not count.
        assertThat(pairs(api.get("/api/v1/reports/instructors_over_time").json())).containsExactly(
                "2029-05-01=1", "2029-07-01=2", "2029-08-15=4");
    }

    @Test
    void instructorNumTaughtListsEachContactableInstructorOnce() {
        JsonNode rows = api.get("/api/v1/reports/instructor_num_taught").json();
        List<String> got = new ArrayList<>();
        rows.forEach(r -> got.add(r.path("name").asText() + "=" + r.path("num_taught").asInt()));
        // Bob's task at the archived workshop does not count; Cat may not be contacted; Dan has no badge.
        assertThat(got).containsExactly("Bob Beta=3", "Ann Alpha=2", "Erin Eps=2");
        assertThat(rows.get(0).path("person").asText()).isEqualTo("http://localhost:" + port + "/api/persons/"
                + api.get("/api/persons/" + ids.get("bob")).json().path("id").asText());
        assertThat(fieldNames(rows.get(0))).containsExactly("person", "name", "num_taught");
        assertThat(api.get(rows.get(0).path("person").asText().substring(("http://localhost:" + port).length()))
                .json().path("username").asText()).isEqualTo(ids.get("bob"));
    }

    @Test
    void allActivityCountsTheYearAndMissingNamesCountZero() {
        JsonNode year = api.get("/api/v1/reports/all_activity_over_time").json();
        assertThat(fieldNames(year)).containsExactly("start", "end", "workshops", "instructors", "learners",
                "missing");
        assertThat(year.path("start").asText()).isEqualTo("2030-01-01");
        assertThat(year.path("end").asText()).isEqualTo("2030-12-31");
        JsonNode workshops = year.path("workshops");
        assertThat(fieldNames(workshops)).containsExactly("SWC", "DC", "SWC,DC", "WiSE", "TTT", "self-organized");
        assertThat(workshops.path("SWC").asInt()).isEqualTo(4);
        assertThat(workshops.path("DC").asInt()).isEqualTo(3);
        assertThat(workshops.path("SWC,DC").asInt()).isEqualTo(6);
        assertThat(workshops.path("TTT").asInt()).isEqualTo(2);
        // Neither the WiSE tag nor the self-organized organisation exists yet.
        assertThat(workshops.path("WiSE").asInt()).isZero();
        assertThat(workshops.path("self-organized").asInt()).isZero();
        assertThat(year.path("instructors").path("SWC").path("total").asInt()).isEqualTo(6);
        assertThat(year.path("instructors").path("SWC").path("unique").asInt()).isEqualTo(5);
        assertThat(year.path("instructors").path("DC").path("total").asInt()).isEqualTo(4);
        assertThat(year.path("instructors").path("DC").path("unique").asInt()).isEqualTo(4);
        assertThat(year.path("learners").path("SWC").asInt()).isEqualTo(28);
        assertThat(year.path("learners").path("DC").asInt()).isEqualTo(17);
        assertThat(texts(year.path("missing").path("attendance"))).containsExactly("2030-02-01-both");
        assertThat(texts(year.path("missing").path("instructors"))).containsExactly("2030-02-20-stalled",
                "2030-02-10-ttt");

        JsonNode oneDay = api.get("/api/v1/reports/all_activity_over_time?start=2030-01-05&end=2030-01-05").json();
        assertThat(oneDay.path("workshops").path("SWC,DC").asInt()).isEqualTo(2);
        assertThat(oneDay.path("learners").path("SWC").asInt()).isEqualTo(20);
        assertThat(oneDay.path("learners").path("DC").asInt()).isEqualTo(10);
        assertThat(oneDay.path("missing").path("attendance")).isEmpty();
        assertThat(oneDay.path("missing").path("instructors")).isEmpty();

        created(api.post("/api/organisations", Map.of("domain", "self-organized", "fullname", "self-organized",
                "country", "W3")));
        created(api.post("/api/tags", Fixtures.tag("WiSE")));
        assertThat(api.put("/api/workshops/2030-01-05-dc/tags/WiSE", null).status()).isEqualTo(204);
        Api.Response w = api.get("/api/workshops/2030-01-05-swc");
        assertThat(api.patch("/api/workshops/2030-01-05-swc", Map.of("administrator", "self-organized"),
                "If-Match", w.header("ETag")).status()).isEqualTo(200);
        JsonNode after = api.get("/api/v1/reports/all_activity_over_time").json().path("workshops");
        assertThat(after.path("WiSE").asInt()).isEqualTo(1);
        assertThat(after.path("self-organized").asInt()).isEqualTo(1);
    }

    @Test
    void instructorsByTimeListsContactableInstructorsOutsideStalledWorkshops() {
        JsonNode rows = api.get("/api/v1/reports/instructors_by_time?start=2030-01-01&end=2030-12-31").json();
        List<String> got = new ArrayList<>();
        rows.forEach(r -> got.add(r.path("event_slug").asText() + " " + r.path("person_name").asText() + " "
                + r.path("person_email").asText("-") + " " + r.path("num_taught").asInt()));
        // No unresponsive workshop, no Cat (may not be contacted), no archived Zed; Erin's email is erased.
        assertThat(got).containsExactly(
                "2030-03-11-next Erin Eps - 2",
                "2030-03-09-edge Dan Delta dan@example.org 1",
                "2030-02-01-both Ann Alpha ann@example.org 2",
                "2030-01-05-dc Bob Beta bob@example.org 3",
                "2030-01-05-swc Ann Alpha ann@example.org 2",
                "2030-01-05-swc Erin Eps - 2");
        assertThat(rows.get(0).has("person_email")).isTrue();
        assertThat(rows.get(0).path("person_email").isNull()).isTrue();
        assertThat(fieldNames(rows.get(0))).containsExactly("event_slug", "person_name", "person_email",
                "num_taught");
        // Workshops must end by end: 2030-03-11-next ends on 2030-03-12.
        assertThat(api.get("/api/v1/reports/instructors_by_time?start=2030-03-01&end=2030-03-11").json()
                .findValuesAsText("event_slug")).containsExactly("2030-03-09-edge");
        assertThat(api.get("/api/v1/reports/instructors_by_time").json()).hasSize(6);
    }

    @Test
    void everyReportSpeaksJsonYamlAndCsv() {
        for (String name : List.of("workshops_over_time", "learners_over_time", "instructors_over_time")) {
            String base = "/api/v1/reports/" + name;
            Api.Response yaml = api.get(base + ".yaml");
            assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
            List<Map<String, Object>> parsed = new Yaml().load(yaml.body());
            assertThat(parsed).hasSameSizeAs(api.get(base).json());
            assertThat(parsed.get(0)).containsOnlyKeys("date", "count");
            assertThat(parsed.get(0).get("date")).isInstanceOf(java.util.Date.class);
            assertThat(yaml.body()).startsWith("- count: ").contains("\n  date: 20").doesNotContain("'");
            List<List<String>> csv = csv(api.get(base + ".csv"));
            assertThat(csv.get(0)).containsExactly("count", "date");
            assertThat(csv).hasSize(parsed.size() + 1);
            assertThat(api.get(base + "?format=yaml").body()).isEqualTo(yaml.body());
            assertThat(api.get(base, "Accept", "text/csv").header("Content-Type")).startsWith("text/csv");
            assertThat(api.get(base + "/").json()).isEqualTo(api.get(base + ".json").json());
        }
        assertThat(csv(api.get("/api/v1/reports/workshops_over_time.csv")).get(8))
                .containsExactly("8", "2030-03-09");
        assertThat(csv(api.get("/api/v1/reports/learners_over_time.csv")).get(1))
                .containsExactly("4", "2029-06-01");

        List<List<String>> taught = csv(api.get("/api/v1/reports/instructor_num_taught.csv"));
        assertThat(taught.get(0)).containsExactly("name", "num_taught", "person");
        assertThat(taught.subList(1, taught.size())).extracting(r -> r.get(0) + "=" + r.get(1))
                .containsExactly("Bob Beta=3", "Ann Alpha=2", "Erin Eps=2");
        List<Map<String, Object>> taughtYaml = new Yaml().load(api.get(
                "/api/v1/reports/instructor_num_taught?format=yaml").body());
        assertThat(taughtYaml.get(1)).containsEntry("name", "Ann Alpha").containsEntry("num_taught", 2);

        List<List<String>> activity = csv(api.get("/api/v1/reports/all_activity_over_time.csv?start=2030-01-01"
                + "&end=2030-01-31"));
        assertThat(activity).hasSize(2);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < activity.get(0).size(); i++) {
            row.put(activity.get(0).get(i), activity.get(1).get(i));
        }
        assertThat(row).containsEntry("start", "2030-01-01").containsEntry("end", "2030-01-31")
                .containsEntry("workshops.SWC,DC", "2").containsEntry("instructors.SWC.unique", "2")
                .containsEntry("learners.DC", "10");
        assertThat(activity.get(0)).isSorted();
        Map<String, Object> activityYaml = new Yaml().load(api.get("/api/v1/reports/all_activity_over_time.yaml")
                .body());
        assertThat(activityYaml).containsOnlyKeys("start", "end", "workshops", "instructors", "learners",
                "missing");
        assertThat(activityYaml.get("start")).isInstanceOf(java.util.Date.class);
        assertThat(((Map<?, ?>) activityYaml.get("missing")).get("attendance")).isEqualTo(
                List.of("2030-02-01-both"));

        List<List<String>> byTime = csv(api.get("/api/v1/reports/instructors_by_time.csv"));
        assertThat(byTime.get(0)).containsExactly("event_slug", "num_taught", "person_email", "person_name");
        assertThat(byTime.get(1)).containsExactly("2030-03-11-next", "2", "", "Erin Eps");
        List<Map<String, Object>> byTimeYaml = new Yaml().load(api.get("/api/v1/reports/instructors_by_time",
                "Accept", "application/yaml").body());
        assertThat(byTimeYaml.get(0)).containsEntry("person_email", null).containsEntry("event_slug",
                "2030-03-11-next");

        JsonNode list = api.get("/api/v1/reports").json();
        assertThat(fieldNames(list)).containsExactly("workshops_over_time", "learners_over_time",
                "instructors_over_time", "instructor_num_taught", "all_activity_over_time", "instructors_by_time");
        list.forEach(link -> assertThat(api.get(link.asText().substring(("http://localhost:" + port).length()))
                .status()).isEqualTo(200));
        assertThat(csv(api.get("/api/v1/reports.csv")).get(0)).hasSize(6);
        Map<String, Object> listYaml = new Yaml().load(api.get("/api/v1/reports.yaml").body());
        assertThat(listYaml).hasSize(6);
    }

    @Test
    void instructorIssuesListsTheThreeGroups() {
        JsonNode issues = api.get("/api/reports/instructor-issues").json();
        // Erin's airport was erased with her data; Bob and Cat have airports; archived Zed is left out.
        assertThat(issues.path("instructors_without_airport").findValuesAsText("username"))
                .containsExactly(ids.get("ann"));
        assertThat(issues.path("instructors_without_airport").get(0).path("email").asText())
                .isEqualTo("ann@example.org");
        JsonNode incomplete = issues.path("incomplete_trainees");
        assertThat(incomplete).hasSize(1);
        assertThat(incomplete.get(0).path("person").path("name").asText()).isEqualTo("Tom Tau");
        assertThat(incomplete.get(0).path("workshops").findValuesAsText("slug")).containsExactly("2030-02-10-ttt");
        // Tom is also at the stalled workshop but is pending, so only Sue is stalled.
        JsonNode stalled = issues.path("stalled_trainees");
        assertThat(stalled).hasSize(1);
        assertThat(stalled.get(0).path("person").path("name").asText()).isEqualTo("Sue Sigma");
        assertThat(stalled.get(0).path("workshops").get(0).path("start").asText()).isEqualTo("2030-02-20");
    }

    @Test
    void badInputIsAProblem() {
        for (String path : List.of("/api/v1/reports", "/api/v1/reports/workshops_over_time",
                "/api/v1/reports/learners_over_time", "/api/v1/reports/instructors_over_time",
                "/api/v1/reports/instructor_num_taught", "/api/v1/reports/all_activity_over_time",
                "/api/v1/reports/instructors_by_time", "/api/reports/instructor-issues")) {
            Api.Response unknown = api.get(path + "?colour=red");
            assertThat(unknown.status()).as(path).isEqualTo(400);
            assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
            assertThat(unknown.code()).isEqualTo("unknown-parameter");
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            if (!path.startsWith("/api/reports")) {
                assertThat(api.get(path + "?format=xml").code()).as(path).isEqualTo("unknown-format");
                assertThat(api.get(path + ".xml").code()).as(path).isEqualTo("unknown-format");
                assertThat(anonymous.get(path + ".yaml").status()).as(path).isEqualTo(401);
            }
        }
        for (String path : List.of("/api/v1/reports/all_activity_over_time", "/api/v1/reports/instructors_by_time")) {
            assertThat(api.get(path + "?start=2030-13-01").code()).isEqualTo("invalid-parameter");
            assertThat(api.get(path + ".csv?end=yesterday").code()).isEqualTo("invalid-parameter");
            assertThat(api.get(path + "?start=2030-02-01&end=2030-01-31").code()).isEqualTo("invalid-period");
            assertThat(api.get(path + "?start=0000-01-01").code()).isEqualTo("invalid-parameter");
            assertThat(api.get(path + ".yaml?end=%2B10000-01-01").code()).isEqualTo("invalid-parameter");
            assertThat(api.get(path + "?start=2031-01-01").code()).isEqualTo("invalid-period");
            assertThat(api.get(path + "?start=2030-01-01&start=2030-02-01").code()).isEqualTo("repeated-parameter");
        }
    }

    @Test
    void theApiDescriptionDescribesEveryReport() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");
        List<String> reports = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/v1/reports") || path.startsWith("/api/reports")) {
                reports.add(path);
                JsonNode get = paths.path(path).path("get");
                assertThat(get.path("summary").asText()).as(path).isNotBlank();
                get.path("parameters").forEach(parameter -> {
                    if (parameter.path("in").asText().equals("path")) {
                        assertThat(path).contains("{" + parameter.path("name").asText() + "}");
                    }
                });
            }
        });
        assertThat(reports).contains("/api/v1/reports", "/api/v1/reports.{format}",
                "/api/v1/reports/workshops_over_time", "/api/v1/reports/workshops_over_time.{format}",
                "/api/v1/reports/learners_over_time", "/api/v1/reports/instructors_over_time",
                "/api/v1/reports/instructor_num_taught", "/api/v1/reports/all_activity_over_time.{format}",
                "/api/v1/reports/instructors_by_time", "/api/reports/instructor-issues");
        assertThat(paths.path("/api/v1/reports/all_activity_over_time").path("get").path("description").asText())
                .contains("self-organized");
    }

    private void workshop(String slug, String start, String end, Integer attendance, String... tags) {
        Map<String, Object> w = Fixtures.publishedWorkshop(slug, HOST, start, List.of(tags));
        if (end != null) {
            w.put("end", end);
        }
        if (attendance != null) {
            w.put("attendance", attendance);
        }
        created(api.post("/api/workshops", w));
    }

    private void person(String key, String personal, String family, boolean mayContact, String airport) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("personal", personal);
        p.put("family", family);
        p.put("email", key + "@example.org");
        p.put("may_contact", mayContact);
        if (airport != null) {
            p.put("airport", airport);
        }
        Api.Response r = api.post("/api/persons", p);
        created(r);
        ids.put(key, r.json().path("username").asText());
    }

    private void award(String person, String badge, String awarded) {
        Api.Response r = api.put("/api/persons/" + ids.get(person) + "/awards/" + badge, Map.of("awarded", awarded));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void task(String slug, String person, String role) {
        Api.Response r = api.put("/api/workshops/" + slug + "/tasks/" + ids.get(person) + "/" + role, null);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static List<String> pairs(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> {
            assertThat(fieldNames(r)).containsExactly("date", "count");
            out.add(r.path("date").asText() + "=" + r.path("count").asLong());
        });
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** RFC 4180 as Python's csv module writes it: quoted fields may hold commas and doubled quotes. */
    private static List<List<String>> csv(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        List<List<String>> rows = new ArrayList<>();
        for (String line : r.body().split("\r\n")) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            rows.add(fields);
        }
        return rows;
    }
}
