package org.carpentries.amy.api.asof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Each detail as of an earlier instant is what the live detail showed then; diffs between two instants name the
 * fields and records that changed.
 */
class AsOfRecordsIT extends AmyIT {

    @Test
    void aWorkshopAsOfAnEarlierInstantIsItsLiveDetailOfThen() {
        String host = unique("asof-w") + ".org";
        String dc = unique("DC");
        String lc = unique("LC");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(dc));
        api.post("/api/tags", Fixtures.tag(lc));
        String slug = unique("2016-04-06-w");
        Instant beforeIt = Instant.now();
        assertThat(api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2016-04-06",
                List.of(dc, lc))).status()).isEqualTo(201);
        Api.Response then = api.get("/api/workshops/" + slug);
        Instant t1 = Instant.now();

        api.patch("/api/workshops/" + slug, Map.of("venue", "Elsewhere", "attendance", 12), "If-Match",
                then.header("ETag"));
        assertThat(api.delete("/api/workshops/" + slug + "/tags/" + dc).status()).isEqualTo(204);
        api.patch("/api/organisations/" + host, Map.of("fullname", "Renamed " + host), "If-Match",
                api.get("/api/organisations/" + host).header("ETag"));
        api.put("/api/tags/" + lc + "/retired", null);

        Api.Response asOf = api.get("/api/workshops/" + slug + "?as_of=" + t1);
        assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
        assertThat(asOf.json()).isEqualTo(then.json());
        assertThat(asOf.header("ETag")).isNull();
        assertThat(asOf.header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.get("/api/workshops/" + slug + "?as_of=" + Instant.now()).json())
                .isEqualTo(api.get("/api/workshops/" + slug).json());
        Api.Response missing = api.get("/api/workshops/" + slug + "?as_of=" + beforeIt);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("workshop-not-found");
        Api.Response future = api.get("/api/workshops/" + slug + "?as_of=" + Instant.now().plusSeconds(60));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.code()).isEqualTo("as-of-in-future");
        assertThat(api.get("/api/workshops/" + slug + "?as_of=2016-04-06T19:05").code()).isEqualTo("invalid-instant");

        Api.Response diff = api.get("/api/workshops/" + slug + "/diff?from=" + t1);
        assertThat(diff.status()).as(diff.body()).isEqualTo(200);
        Map<String, JsonNode> changes = changes(diff.json());
        assertThat(changes.keySet()).containsExactlyInAnyOrder("venue", "attendance", "tags");
        assertThat(changes.get("venue").path("old").asText()).isEqualTo("Main Library");
        assertThat(changes.get("venue").path("new").asText()).isEqualTo("Elsewhere");
        assertThat(changes.get("tags").path("new").findValuesAsText("")).isEmpty();
        assertThat(changes.get("tags").path("new").toString()).doesNotContain(dc).contains(lc);
        Api.Response created = api.get("/api/workshops/" + slug + "/diff?from=" + beforeIt + "&to=" + t1);
        assertThat(changes(created.json()).get("slug").path("old").isNull()).isTrue();
        assertThat(api.get("/api/workshops/" + slug + "/diff").code()).isEqualTo("missing-parameter");
        assertThat(api.get("/api/workshops/" + slug + "/diff?from=" + Instant.now() + "&to=" + t1).code())
                .isEqualTo("invalid-instant-range");
        assertThat(api.get("/api/workshops/" + slug + "/diff?from=" + t1 + "&since=x").code())
                .isEqualTo("unknown-parameter");
    }

    @Test
    void aTagAndAnOrganisationAsOfAnEarlierInstantAreTheirLiveDetailsOfThen() {
        String host = unique("asof-o") + ".org";
        String tag = unique("SWC");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(tag));
        api.post("/api/workshops", Fixtures.publishedWorkshop(unique("2016-05-01-t"), host, "2016-05-01",
                List.of(tag)));
        JsonNode tagThen = api.get("/api/tags/" + tag).json();
        JsonNode organisationThen = api.get("/api/organisations/" + host).json();
        Instant t1 = Instant.now();

        api.post("/api/workshops", Fixtures.publishedWorkshop(unique("2016-05-02-t"), host, "2016-05-02",
                List.of(tag)));
        api.patch("/api/tags/" + tag, Map.of("details", "changed"), "If-Match", api.get("/api/tags/" + tag)
                .header("ETag"));
        api.put("/api/tags/" + tag + "/retired", null);
        api.patch("/api/organisations/" + host, Map.of("fullname", "Renamed " + host, "notes", "moved"), "If-Match",
                api.get("/api/organisations/" + host).header("ETag"));

        assertThat(api.get("/api/tags/" + tag + "?as_of=" + t1).json()).isEqualTo(tagThen);
        assertThat(tagThen.path("workshop_count").asLong()).isEqualTo(1);
        assertThat(api.get("/api/organisations/" + host + "?as_of=" + t1).json()).isEqualTo(organisationThen);

        Map<String, JsonNode> tagChanges = changes(api.get("/api/tags/" + tag + "/diff?from=" + t1).json());
        assertThat(tagChanges.keySet()).containsExactlyInAnyOrder("details", "retired");
        Map<String, JsonNode> orgChanges = changes(api.get("/api/organisations/" + host + "/diff?from=" + t1
                + "&to=" + Instant.now()).json());
        assertThat(orgChanges.keySet()).containsExactlyInAnyOrder("fullname", "notes");
        assertThat(orgChanges.get("fullname").path("old").asText()).isEqualTo("University of " + host);
    }

    @Test
    void aPersonAsOfAnEarlierInstantIsTheirLiveDetailOfThen() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personal", "Ann");
        body.put("family", unique("Family"));
        body.put("email", unique("ann") + "@example.org");
        body.put("may_contact", true);
        Api.Response created = api.post("/api/persons", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String username = created.json().path("username").asText();
        JsonNode then = api.get("/api/persons/" + username).json();
        Instant t1 = Instant.now();

        api.patch("/api/persons/" + username, Map.of("personal", "Annabel", "may_contact", false), "If-Match",
                api.get("/api/persons/" + username).header("ETag"));
        api.put("/api/persons/" + username + "/archived", null);

        assertThat(api.get("/api/persons/" + username + "?as_of=" + t1).json()).isEqualTo(then);
        Map<String, JsonNode> changes = changes(api.get("/api/persons/" + username + "/diff?from=" + t1).json());
        assertThat(changes.keySet()).containsExactlyInAnyOrder("personal", "may_contact", "archived");
        assertThat(changes.get("personal").path("old").asText()).isEqualTo("Ann");
    }

    @Test
    void exportDiffsNameTheRecordsThatCameWentOrChanged() {
        String host = unique("asof-d") + ".org";
        String tag = unique("DC");
        String other = unique("LC");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(tag));
        api.post("/api/tags", Fixtures.tag(other));
        String stays = unique("2016-06-01-s");
        String goes = unique("2016-06-02-g");
        api.post("/api/workshops", Fixtures.publishedWorkshop(stays, host, "2016-06-01", List.of(tag)));
        api.post("/api/workshops", Fixtures.publishedWorkshop(goes, host, "2016-06-02", List.of(tag, other)));
        Instant t1 = Instant.now();
        String comes = unique("2016-06-03-c");
        api.post("/api/workshops", Fixtures.publishedWorkshop(comes, host, "2016-06-03", List.of(tag)));
        assertThat(api.delete("/api/workshops/" + goes + "/tags/" + tag).status()).isEqualTo(204);
        api.patch("/api/workshops/" + stays, Map.of("venue", "Elsewhere"), "If-Match",
                api.get("/api/workshops/" + stays).header("ETag"));

        Api.Response r = api.get("/api/exports/published/diff?tag=" + tag + "&from=" + t1);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode diff = r.json();
        assertThat(diff.path("added").findValuesAsText("slug")).containsExactly(comes);
        assertThat(diff.path("removed").findValuesAsText("slug")).containsExactly(goes);
        assertThat(diff.path("changed")).hasSize(1);
        assertThat(diff.path("changed").get(0).path("key").asText()).isEqualTo(stays);
        assertThat(diff.path("changed").get(0).path("changes").findValuesAsText("field")).containsExactly("venue");
        assertThat(api.get("/api/exports/published/diff?tag=" + unique("nope") + "&from=" + t1).code())
                .isEqualTo("unknown-tag");
        assertThat(anonymous.get("/api/exports/published/diff?from=" + t1).status()).isEqualTo(401);

        String badge = unique("badge");
        api.post("/api/badges", Map.of("name", badge, "title", badge, "criteria", badge));
        Instant t2 = Instant.now();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("personal", "Bo");
        person.put("family", unique("Family"));
        String username = api.post("/api/persons", person).json().path("username").asText();
        api.put("/api/persons/" + username + "/awards/" + badge, Map.of("awarded", "2016-02-16"));
        JsonNode badges = api.get("/api/exports/badges/diff?from=" + t2).json();
        assertThat(badges.path("changed").findValuesAsText("key")).contains(badge);
        assertThat(api.get("/api/exports/badges/diff?from=" + t2 + "&may_contact=true").code())
                .isEqualTo("unknown-parameter");
        assertThat(api.get("/api/exports/instructors/diff?from=" + t2 + "&may_contact=true").status())
                .isEqualTo(200);
    }

    private static Map<String, JsonNode> changes(JsonNode diff) {
        Map<String, JsonNode> byField = new LinkedHashMap<>();
        diff.path("changes").forEach(c -> byField.put(c.path("field").asText(), c));
        return byField;
    }
}
