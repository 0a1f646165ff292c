package org.carpentries.amy.api.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every export as of an earlier instant is byte for byte what the live export answered then, after more changes;
 * bad instants are problems.
 */
class AsOfExportsIT extends AmyIT {

    private static final List<String> PUBLISHED = List.of("published.yaml", "published.json", "published.csv");
    private String host;
    private String tag;
    private String other;

    @BeforeEach
    void referenceData() {
        host = unique("asof") + ".org";
        tag = unique("DC");
        api.post("/api/organisations", Fixtures.organisation(host));
        other = unique("SWC");
        api.post("/api/tags", Fixtures.tag(tag));
        api.post("/api/tags", Fixtures.tag(other));
        if (api.get("/api/badges/swc-instructor").status() == 404) {
            api.post("/api/badges", Map.of("name", "swc-instructor", "title", "SWC", "criteria", "SWC"));
        }
    }

    @Test
    void publishedAsOfAnEarlierInstantIsTheLiveExportOfThenByteForByte() {
        String a = unique("2016-04-01-a");
        String b = unique("2016-04-02-b");
        schedule(a, "2016-04-01", List.of(tag));
        schedule(b, "2016-04-02", List.of(other));
        Map<String, byte[]> kept = live(List.of("", "?tag=" + tag, "?tag=" + tag + "&tag=" + other, "?host=" + host));
        Instant then = Instant.now();

        api.put("/api/workshops/" + b + "/tags/" + tag, null);
        api.patch("/api/workshops/" + a, Map.of("venue", "Elsewhere"), "If-Match",
                api.get("/api/workshops/" + a).header("ETag"));
        schedule(unique("2016-04-03-c"), "2016-04-03", List.of(tag));
        api.put("/api/workshops/" + a + "/archived", null);
        assertThat(anonymous.get("/api/v1/events/published.yaml?tag=" + tag).bytes())
                .isNotEqualTo(kept.get("published.yaml?tag=" + tag));

        for (var k : kept.entrySet()) {
            Api.Response r = anonymous.get("/api/v1/events/" + sep(k.getKey(), "as_of=" + then));
            assertThat(r.status()).as(k.getKey()).isEqualTo(200);
            assertThat(r.body()).as(k.getKey()).isEqualTo(new String(k.getValue(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.header("ETag")).isNull();
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.header("AMY-As-Of")).isEqualTo(then.toString());
        }
        Instant now = Instant.now();
        assertThat(anonymous.get("/api/v1/events/published.json?tag=" + tag + "&as_of=" + now).bytes())
                .isEqualTo(anonymous.get("/api/v1/events/published.json?tag=" + tag).bytes());
    }

    @Test
    void aTagUnassignedEverywhereShowsEmptyInsideTheWindowAndFullBeforeIt() {
        for (int i = 1; i <= 3; i++) {
            schedule(unique("2016-03-0" + i + "-dc"), "2016-03-0" + i, List.of(tag, other));
        }
        byte[] before = anonymous.get("/api/v1/events/published.yaml?tag=" + tag).bytes();
        Instant beforeWindow = Instant.now();
        for (String slug : slugsTagged(tag)) {
            assertThat(api.delete("/api/workshops/" + slug + "/tags/" + tag).status()).isEqualTo(204);
        }
        byte[] empty = anonymous.get("/api/v1/events/published.yaml?tag=" + tag).bytes();
        Instant inside = Instant.now();
        api.put("/api/tags/" + tag + "/retired", null);

        assertThat(anonymous.get("/api/v1/events/published.yaml?tag=" + tag + "&as_of=" + inside).bytes())
                .isEqualTo(empty);
        assertThat(anonymous.get("/api/v1/events/published.yaml?tag=" + tag + "&as_of=" + beforeWindow).bytes())
                .isEqualTo(before);
        assertThat(new String(before, java.nio.charset.StandardCharsets.UTF_8)).contains("2016-03-01-dc",
                "2016-03-02-dc", "2016-03-03-dc");
        assertThat(new String(empty, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("slug");
    }

    @Test
    void badgesAndInstructorsAsOfAnEarlierInstantAreTheLiveExportsOfThen() {
        String iata = airport(unique("Airport"));
        String ann = person("Ann", iata, true);
        String bob = person("Bob", iata, false);
        api.put("/api/persons/" + ann + "/awards/swc-instructor", Map.of("awarded", "2016-02-16"));
        List<String> paths = List.of("badges.yaml", "badges.json", "instructors.yaml", "instructors.json",
                "instructors.json?may_contact=true");
        Map<String, byte[]> kept = new LinkedHashMap<>();
        for (String p : paths) {
            kept.put(p, anonymous.get("/api/v1/export/" + p).bytes());
        }
        Instant then = Instant.now();

        api.put("/api/persons/" + bob + "/awards/swc-instructor", null);
        api.patch("/api/persons/" + ann, Map.of("personal", "Annabel"), "If-Match",
                api.get("/api/persons/" + ann).header("ETag"));
        api.put("/api/persons/" + ann + "/archived", null);
        assertThat(anonymous.get("/api/v1/export/badges.yaml").bytes()).isNotEqualTo(kept.get("badges.yaml"));

        for (var k : kept.entrySet()) {
            Api.Response r = anonymous.get("/api/v1/export/" + sep(k.getKey(), "as_of=" + then));
            assertThat(r.status()).as(k.getKey()).isEqualTo(200);
            assertThat(r.body()).as(k.getKey()).isEqualTo(new String(k.getValue(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void anInstantWithoutOffsetInTheFutureOrMalformedIsAProblem() {
        problem(anonymous.get("/api/v1/events/published.yaml?as_of=2016-04-06T19:05:00"), "invalid-instant");
        problem(anonymous.get("/api/v1/events/published.yaml?as_of=yesterday"), "invalid-instant");
        problem(anonymous.get("/api/v1/events/published.yaml?as_of=" + Instant.now().plusSeconds(3600)),
                "as-of-in-future");
        problem(anonymous.get("/api/v1/export/badges.json?as_of=2016-04-06"), "invalid-instant");
        problem(anonymous.get("/api/v1/export/instructors.json?as_of=2999-01-01T00:00:00Z"), "as-of-in-future");
        problem(api.get("/api/v1/export/members.json?as_of=2016-04-06T19:05:00Z"), "unknown-parameter");
        problem(anonymous.get("/api/v1/events/published.yaml?tag=" + tag + "&as_of=2016-04-06T19:05:00Z"
                + "&as_of=2016-04-06T19:06:00Z"), "repeated-parameter");
        // An explicit offset other than Z names the same instant; a '+' sent unencoded arrives as a space.
        Api.Response offset = anonymous.get("/api/v1/events/published.json?as_of=2016-04-06T21:05:00%2B02:00");
        assertThat(offset.status()).isEqualTo(200);
        assertThat(offset.header("AMY-As-Of")).isEqualTo("2016-04-06T19:05:00Z");
        // Before the first event: the empty export, not a 404.
        assertThat(offset.body()).isEqualTo(anonymous.get("/api/v1/events/published.json?tag=" + tag).body());
        assertThat(offset.json()).isEmpty();
        assertThat(anonymous.get("/api/v1/export/badges.json?as_of=2016-04-06T19:05:00Z").json()).isEmpty();
        assertThat(anonymous.get("/api/v1/events/published.json?as_of=2016-04-06T21:05:00+02:00")
                .header("AMY-As-Of")).isEqualTo("2016-04-06T19:05:00Z");
    }

    private void problem(Api.Response r, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(code);
    }

    private Map<String, byte[]> live(List<String> queries) {
        Map<String, byte[]> kept = new LinkedHashMap<>();
        for (String path : PUBLISHED) {
            for (String q : queries) {
                kept.put(path + q, anonymous.get("/api/v1/events/" + path + q).bytes());
            }
        }
        return kept;
    }

    private static String sep(String path, String param) {
        return path + (path.contains("?") ? "&" : "?") + param;
    }

    private void schedule(String slug, String start, List<String> tags) {
        Api.Response r = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, start, tags));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private List<String> slugsTagged(String name) {
        return api.get("/api/v1/events/published.json?tag=" + name).json().findValuesAsText("slug");
    }

    private String person(String personal, String iata, boolean mayContact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personal", personal);
        body.put("family", unique("Family"));
        body.put("airport", iata);
        body.put("may_contact", mayContact);
        Api.Response r = api.post("/api/persons", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("username").asText();
    }

    private String airport(String fullname) {
        String iata = freeAirportCode();
        Api.Response r = api.post("/api/airports", Map.of("iata", iata, "fullname", fullname, "country", "NL",
                "latitude", 52.3086, "longitude", 4.7639));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return iata;
    }
}
