package org.carpentries.amy.api.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkshopLifecycleIT extends AmyIT {

    private String host;
    private String tag;
    private String other;

    @BeforeEach
    void referenceData() {
        host = unique("life") + ".edu";
        tag = unique("T");
        other = unique("U");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(tag));
        api.post("/api/tags", Fixtures.tag(other));
    }

    @Test
    void archivingHidesTheWorkshopFreesItsSlugAndRestoringNeedsItBack() {
        String slug = unique("arch");
        api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2019-01-01", List.of(tag)));
        assertThat(anonymous.get("/api/v1/events/published.json?tag=" + tag).json()).hasSize(1);
        assertThat(api.put("/api/workshops/" + slug + "/archived", null).status()).isEqualTo(204);
        assertThat(anonymous.get("/api/v1/events/published.json?tag=" + tag).json()).isEmpty();
        assertThat(api.get("/api/workshops?tag=" + tag).json().path("count").asInt()).isZero();
        assertThat(api.get("/api/workshops?tag=" + tag + "&archived=true").json().path("count").asInt()).isEqualTo(1);
        assertThat(api.get("/api/workshops/" + slug).json().path("archived").asBoolean()).isTrue();

        Map<String, Object> reuse = new java.util.HashMap<>(Fixtures.publishedWorkshop(slug, host, "2019-02-01",
                List.of(tag)));
        reuse.put("url", "https://other.github.io/" + slug + "/");
        Api.Response second = api.post("/api/workshops", reuse);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        String firstId = api.get("/api/workshops?tag=" + tag + "&archived=true").json().path("results").get(0)
                .path("id").asText();
        Api.Response restore = api.delete("/api/workshops/" + firstId + "/archived");
        assertThat(restore.status()).isEqualTo(409);
        assertThat(restore.code()).isEqualTo("slug-taken");
        assertThat(api.put("/api/workshops/" + firstId + "/completed", null).code()).isEqualTo("workshop-archived");
    }

    @Test
    void aDryRunMergeRecordsNothingAndTheRealOneArchivesTheAbsorbedWorkshop() {
        String a = unique("ma");
        String b = unique("mb");
        api.post("/api/workshops", Fixtures.publishedWorkshop(a, host, "2019-03-01", List.of(tag)));
        Map<String, Object> wb = new java.util.HashMap<>(Fixtures.publishedWorkshop(b, host, "2019-03-01",
                List.of(other)));
        wb.put("contact", "second@" + host);
        api.post("/api/workshops", wb);
        long before = eventCount();
        Map<String, Object> request = Map.of("workshop_a", a, "workshop_b", b, "dry_run", true,
                "strategy", Map.of("slug", "b", "url", "b", "contact", "combine", "tags", "combine"));
        Api.Response dry = api.post("/api/workshops/merges", request);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().path("dry_run").asBoolean()).isTrue();
        assertThat(dry.json().path("result").path("slug").asText()).isEqualTo(b);
        assertThat(dry.json().path("result").path("contact").asText()).isEqualTo("admin@" + host + "\nsecond@"
                + host);
        assertThat(dry.json().path("result").path("tags").findValuesAsText("")).isEmpty();
        assertThat(dry.json().path("events").findValuesAsText("type")).contains("WorkshopsMerged",
                "WorkshopSlugChanged", "WorkshopMergedInto");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.get("/api/workshops/" + b).json().path("archived").asBoolean()).isFalse();

        Map<String, Object> real = new java.util.HashMap<>(request);
        real.put("dry_run", false);
        Api.Response merged = api.post("/api/workshops/merges", real);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        var survivor = merged.json().path("workshop");
        assertThat(survivor.path("slug").asText()).isEqualTo(b);
        assertThat(survivor.path("tags").findValuesAsText("name")).containsExactlyInAnyOrder(tag, other);
        assertThat(api.get("/api/workshops/" + b).json().path("id").asText())
                .isEqualTo(merged.json().path("survivor").asText());
        var absorbed = api.get("/api/workshops/" + merged.json().path("absorbed").asText()).json();
        assertThat(absorbed.path("archived").asBoolean()).isTrue();
        assertThat(absorbed.path("merged_into").asText()).isEqualTo(merged.json().path("survivor").asText());
        Api.Response again = api.post("/api/workshops/merges", Map.of("workshop_a", merged.json().path("survivor")
                .asText(), "workshop_b", merged.json().path("absorbed").asText()));
        assertThat(again.code()).isEqualTo("workshop-archived");
        assertThat(api.post("/api/workshops/merges", Map.of("workshop_a", b, "workshop_b", b)).code())
                .isEqualTo("validation-failed");
        assertThat(api.post("/api/workshops/merges", Map.of("workshop_a", b, "workshop_b", "nope",
                "strategy", Map.of("slug", "combine"))).code()).isEqualTo("validation-failed");
    }

    @Test
    void twoEditsRacingWithTheSameIfMatchLetExactlyOneThrough() throws Exception {
        String slug = unique("race");
        String etag = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2019-04-01", List.of(tag)))
                .header("ETag");
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Api.Response>> edits = List.of("Left", "Right").stream()
                .map(venue -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return api.patch("/api/workshops/" + slug, Map.of("venue", venue), "If-Match", etag);
                })).toList();
        List<Integer> statuses = edits.stream().map(CompletableFuture::join).map(Api.Response::status).sorted()
                .toList();
        assertThat(statuses).containsExactly(200, 412);
        assertThat(api.get("/api/workshops/" + slug + "/history").json()).hasSize(3);
    }

    @Test
    void thePublishedETagMovesOnlyWhenTheExportChanges() {
        String slug = unique("etag");
        String etag = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2019-05-01", List.of(tag)))
                .header("ETag");
        String exportTag = anonymous.get("/api/v1/events/published.yaml").header("ETag");
        etag = api.patch("/api/workshops/" + slug, Map.of("notes", "internal only"), "If-Match", etag)
                .header("ETag");
        assertThat(anonymous.get("/api/v1/events/published.yaml").header("ETag")).isEqualTo(exportTag);
        api.patch("/api/workshops/" + slug, Map.of("venue", "Moved"), "If-Match", etag);
        Api.Response after = anonymous.get("/api/v1/events/published.yaml", "If-None-Match", exportTag);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).contains("venue: Moved");
    }

    @Test
    void listsFilterAndPageAsAsked() {
        for (int i = 1; i <= 3; i++) {
            api.post("/api/workshops", Fixtures.publishedWorkshop(unique("p" + i), host, "2019-06-0" + i,
                    i == 2 ? List.of(tag, other) : List.of(tag)));
        }
        Map<String, Object> unpublished = new java.util.HashMap<>(Fixtures.publishedWorkshop(unique("u"), host,
                "2019-06-05", List.of(tag)));
        unpublished.remove("url");
        api.post("/api/workshops", unpublished);
        var page = api.get("/api/workshops?tag=" + tag + "&page_size=2&ordering=start").json();
        assertThat(page.path("count").asInt()).isEqualTo(4);
        assertThat(page.path("results")).hasSize(2);
        assertThat(page.path("next").asText()).contains("page=2");
        assertThat(page.path("results").get(0).path("start").asText()).isEqualTo("2019-06-01");
        assertThat(api.get("/api/workshops?tag=" + tag + "&tag=" + other).json().path("count").asInt()).isEqualTo(1);
        assertThat(api.get("/api/workshops?tag=" + tag + "&published=false").json().path("count").asInt())
                .isEqualTo(1);
        var missing = api.get("/api/workshops?tag=" + tag + "&published=false").json().path("results").get(0);
        assertThat(missing.path("issues").findValuesAsText("")).isEmpty();
        assertThat(missing.path("issues").toString()).contains("missing-url");
        assertThat(api.get("/api/workshops?tag=" + tag + "&host=" + host + "&start_after=2019-06-02&start_before="
                + "2019-06-03").json().path("count").asInt()).isEqualTo(2);
        assertThat(api.get("/api/workshops?tag=" + tag + "&timing=past").json().path("count").asInt()).isEqualTo(4);
        assertThat(api.get("/api/workshops?page_size=5000").code()).isEqualTo("invalid-parameter");
        assertThat(api.get("/api/workshops?ordering=colour").code()).isEqualTo("invalid-parameter");
        assertThat(api.get("/api/workshops?published=maybe").code()).isEqualTo("invalid-parameter");
        assertThat(api.get("/api/workshops?host=nowhere.example").code()).isEqualTo("unknown-organisation");
    }

    @Test
    void workshopsAreAssignedToAdminsAndListedByAssignee() {
        String slug = unique("assign");
        String etag = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2019-07-01", List.of(tag)))
                .header("ETag");
        String me = api.get("/api/session").json().path("id").asText();
        Api.Response assigned = api.patch("/api/workshops/" + slug, Map.of("assigned_to", "me"), "If-Match", etag);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().path("assigned_to").asText()).isEqualTo(me);
        assertThat(api.get("/api/workshops?tag=" + tag + "&assigned_to=me").json().path("count").asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/workshops?tag=" + tag + "&assigned_to=noone").json().path("count").asInt()).isZero();
        assertThat(api.get("/api/workshops/" + slug + "/history").json().get(2).path("changes").get(0)
                .path("new_value").asText()).isEqualTo(Api.ADMIN);
        Api.Response stranger = api.patch("/api/workshops/" + slug, Map.of("assigned_to",
                java.util.UUID.randomUUID().toString()), "If-Match", assigned.header("ETag"));
        assertThat(stranger.json().path("errors").findValuesAsText("code")).containsExactly("assignee-not-found");
    }

    @Test
    void theApiDescriptionHealthAndExportsArePublic() {
        Api.Response docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/workshops/merges")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/events/published.{format}")).isTrue();
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/admin/read-models").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/session", Map.of("username", "admin", "password", "wrong")).code())
                .isEqualTo("login-failed");
    }
}
