package org.carpentries.amy.api.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkshopApiIT extends AmyIT {

    private String host;
    private String dc;
    private String lc;

    @BeforeEach
    void referenceData() {
        host = unique("esu") + ".edu";
        dc = unique("DC");
        lc = unique("LC");
        assertThat(api.post("/api/organisations", Fixtures.organisation(host)).status()).isEqualTo(201);
        assertThat(api.post("/api/tags", Fixtures.tag(dc)).status()).isEqualTo(201);
        assertThat(api.post("/api/tags", Fixtures.tag(lc)).status()).isEqualTo(201);
    }

    @Test
    void schedulingAnswersWithTheWorkshopItsLocationAndVersion() {
        String slug = unique("2016-05-06-esu");
        Api.Response created = api.post("/api/workshops",
                Fixtures.publishedWorkshop(slug, host, "2016-05-06", List.of(dc, lc)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/workshops/" + created.json().path("id").asText());
        assertThat(created.header("ETag")).isEqualTo("\"2\"");
        JsonNode w = created.json();
        assertThat(w.path("slug").asText()).isEqualTo(slug);
        assertThat(w.path("host").path("domain").asText()).isEqualTo(host);
        assertThat(w.path("published").asBoolean()).isTrue();
        assertThat(w.path("tags").findValuesAsText("name")).containsExactly(dc, lc);

        Api.Response bySlug = api.get("/api/workshops/" + slug);
        assertThat(bySlug.status()).isEqualTo(200);
        assertThat(bySlug.json().path("id").asText()).isEqualTo(w.path("id").asText());
    }

    @Test
    void aSlugMadeOfShortHexGroupsIsASlugNotAnId() {
        String slug = "2026-12-19-ed-dc";
        Api.Response created = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2026-12-19",
                List.of(dc)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.get("/api/workshops/" + slug).json().path("slug").asText()).isEqualTo(slug);
        assertThat(api.put("/api/workshops/" + slug + "/archived", null).status()).isEqualTo(204);
    }

    @Test
    void concurrentEditsWithTheSameIfMatchLetOnlyOneThrough() {
        String slug = unique("w");
        String etag = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2017-01-10", List.of(dc)))
                .header("ETag");
        Api.Response first = api.patch("/api/workshops/" + slug, Map.of("venue", "Room 1"), "If-Match", etag);
        Api.Response second = api.patch("/api/workshops/" + slug, Map.of("venue", "Room 2"), "If-Match", etag);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("venue").asText()).isEqualTo("Room 1");
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.code()).isEqualTo("version-mismatch");
        assertThat(api.get("/api/workshops/" + slug).json().path("venue").asText()).isEqualTo("Room 1");
    }

    @Test
    void anEditWithoutIfMatchIsRefusedWith428() {
        String slug = unique("w");
        api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2017-01-10", List.of(dc)));
        long before = eventCount();
        Api.Response r = api.patch("/api/workshops/" + slug, Map.of("venue", "Room 1"));
        assertThat(r.status()).isEqualTo(428);
        assertThat(r.code()).isEqualTo("if-match-required");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void tagsAreAssignedAndUnassignedOnThisWorkshopOnly() {
        String a = unique("a");
        String b = unique("b");
        api.post("/api/workshops", Fixtures.publishedWorkshop(a, host, "2017-02-01", List.of(dc)));
        api.post("/api/workshops", Fixtures.publishedWorkshop(b, host, "2017-02-01", List.of(dc)));
        assertThat(api.put("/api/workshops/" + a + "/tags/" + lc, null).status()).isEqualTo(204);
        assertThat(api.delete("/api/workshops/" + a + "/tags/" + dc).status()).isEqualTo(204);
        assertThat(api.get("/api/workshops/" + a).json().path("tags").findValuesAsText("name")).containsExactly(lc);
        assertThat(api.get("/api/workshops/" + b).json().path("tags").findValuesAsText("name")).containsExactly(dc);
        Api.Response last = api.delete("/api/workshops/" + a + "/tags/" + lc);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.code()).isEqualTo("workshop-needs-a-tag");
        assertThat(api.get("/api/tags/" + dc).status()).isEqualTo(200);
    }

    @Test
    void historyNamesTheActorTheRequestAndTheChangedFields() {
        String slug = unique("h");
        String etag = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2017-03-01", List.of(dc)))
                .header("ETag");
        api.with("X-Request-Id", "req-history-1").with("X-Change-Reason", "typo in venue")
                .patch("/api/workshops/" + slug, Map.of("venue", "Great Hall"), "If-Match", etag);
        JsonNode history = api.get("/api/workshops/" + slug + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("WorkshopScheduled", "TagAssignedToWorkshop",
                "WorkshopLocationChanged");
        JsonNode edit = history.get(2);
        assertThat(edit.path("actor_name").asText()).isEqualTo(Api.ADMIN);
        assertThat(edit.path("actor").asText()).matches("[0-9a-f-]{36}");
        assertThat(edit.path("request_id").asText()).isEqualTo("req-history-1");
        assertThat(edit.path("reason").asText()).isEqualTo("typo in venue");
        assertThat(edit.path("occurred_at").asText()).endsWith("Z");
        assertThat(edit.path("changes")).hasSize(1);
        assertThat(edit.path("changes").get(0).path("field").asText()).isEqualTo("venue");
        assertThat(edit.path("changes").get(0).path("old_value").asText()).isEqualTo("Main Library");
        assertThat(edit.path("changes").get(0).path("new_value").asText()).isEqualTo("Great Hall");
        assertThat(history.get(1).path("changes").get(0).path("new_value").get(0).asText()).isEqualTo(dc);

        String etag2 = api.get("/api/workshops/" + slug).header("ETag");
        api.with("X-Change-Reason", "UTF-8''Z%C3%BCrich%20%E2%80%94%20moved%2B")
                .patch("/api/workshops/" + slug, Map.of("venue", "Aula"), "If-Match", etag2);
        JsonNode last = api.get("/api/workshops/" + slug + "/history").json().get(3);
        assertThat(last.path("reason").asText()).isEqualTo("Zürich — moved+");
    }

    @Test
    void badInputIsAProblemAndRecordsNothing() {
        long before = eventCount();
        Map<String, Object> bad = new java.util.HashMap<>(Fixtures.publishedWorkshop("has space", host, "2017-04-02",
                List.of(dc)));
        bad.put("end", "2017-04-01");
        bad.put("url", "https://github.com/esu/2017-04-02-esu");
        Api.Response r = api.post("/api/workshops", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation-failed");
        assertThat(r.json().path("errors").findValuesAsText("code"))
                .contains("slug-invalid-characters", "end-before-start", "url-is-repository");

        Api.Response malformed = api.post("/api/workshops", "{\"slug\": ");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("malformed-body");
        Map<String, Object> unknownField = new java.util.HashMap<>(Fixtures.publishedWorkshop(unique("u"), host,
                "2017-04-02", List.of(dc)));
        unknownField.put("colour", "red");
        Api.Response unknown = api.post("/api/workshops", unknownField);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsText("code")).containsExactly("unknown-field");
        assertThat(api.post("/api/workshops", Fixtures.publishedWorkshop("1234", host, "2017-04-02", List.of(dc)))
                .json().path("errors").findValuesAsText("code")).containsExactly("slug-is-integer");
        assertThat(api.post("/api/workshops", Fixtures.publishedWorkshop(unique("t"), host, "2017-04-02",
                List.of("no-such-tag"))).json().path("errors").findValuesAsText("code"))
                .containsExactly("tag-not-found");
        Api.Response huge = api.post("/api/workshops", Map.of("notes", "x".repeat(2_000_000)));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.code()).isEqualTo("body-too-large");
        assertThat(api.get("/api/workshops?colour=red").code()).isEqualTo("unknown-parameter");
        assertThat(api.get("/api/workshops?tag=no-such-tag").code()).isEqualTo("unknown-tag");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void writesNeedAnAdmin() {
        Api.Response r = anonymous.post("/api/tags", Fixtures.tag(unique("x")));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("unauthenticated");
        assertThat(anonymous.get("/api/workshops").status()).isEqualTo(401);
    }
}
