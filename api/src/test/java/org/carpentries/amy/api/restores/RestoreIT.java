package org.carpentries.amy.api.restores;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestoreIT extends AmyIT {

    private static final String REASON = "X-Change-Reason";
    private String host;

    @BeforeEach
    void host() {
        host = unique("restore") + ".org";
        assertThat(api.post("/api/organisations", Fixtures.organisation(host)).status()).isEqualTo(201);
    }

    @Test
    void aRetiredTagAndItsLinksComeBackAndTheExportIsAsBefore() {
        String dc = tag("DC");
        String swc = tag("SWC");
        String lc = tag("LC");
        List<String> tagged = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String slug = unique("2016-03-0" + i + "-dc");
            workshop(slug, "2016-03-0" + i, List.of(dc, i % 2 == 0 ? swc : lc));
            tagged.add(slug);
        }
        workshop(unique("2016-03-09-lc"), "2016-03-09", List.of(lc));
        byte[] kept = anonymous.get("/api/v1/events/published.yaml?tag=" + dc).bytes();
        Instant beforeLoss = Instant.now();

        assertThat(api.put("/api/tags/" + dc + "/retired", null).status()).isEqualTo(204);
        for (String slug : tagged) {
            assertThat(api.delete("/api/workshops/" + slug + "/tags/" + dc).status()).isEqualTo(204);
        }
        assertThat(anonymous.get("/api/v1/events/published.yaml?tag=" + dc).body()).isEqualTo("[]\n");

        long events = eventCount();
        Api.Response dry = restore("tag-links", dc, beforeLoss, true, Map.of());
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(types(dry)).containsExactly("ReinstateTag", "AssignTagToWorkshop", "AssignTagToWorkshop",
                "AssignTagToWorkshop", "AssignTagToWorkshop");
        assertThat(dry.json().path("commands").findValuesAsText("label")).containsAll(tagged);
        assertThat(dry.json().path("later_links")).isEmpty();
        assertThat(dry.json().path("events")).isEmpty();
        assertThat(dry.json().path("diff")).hasSize(5);
        assertThat(eventCount()).isEqualTo(events);

        Api.Response noReason = restore("tag-links", dc, beforeLoss, false, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("change-reason-required");
        assertThat(eventCount()).isEqualTo(events);

        Api.Response applied = restore("tag-links", dc, beforeLoss, false, Map.of(REASON, "DC links lost"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("events").findValuesAsText("type")).containsExactly("TagReinstated",
                "TagAssignedToWorkshop", "TagAssignedToWorkshop", "TagAssignedToWorkshop", "TagAssignedToWorkshop");
        assertThat(eventCount()).isEqualTo(events + 5);
        for (JsonNode event : applied.json().path("events")) {
            Map<String, Object> meta = metadata(event.path("position").asLong());
            assertThat(meta).containsEntry("reason", "DC links lost")
                    .containsEntry("restored_as_of", beforeLoss.toString());
        }
        assertThat(anonymous.get("/api/v1/events/published.yaml?tag=" + dc).bytes()).isEqualTo(kept);
        assertThat(api.get("/api/tags/" + dc).json().path("retired").asBoolean()).isFalse();

        Api.Response again = restore("tag-links", dc, beforeLoss, false, Map.of(REASON, "twice"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("commands")).isEmpty();
        assertThat(again.json().path("events")).isEmpty();
        assertThat(eventCount()).isEqualTo(events + 5);
    }

    @Test
    void linksGainedLaterAreListedAndRemovedOnlyWhenAsked() {
        String dc = tag("DC");
        String lc = tag("LC");
        String early = unique("early");
        String late = unique("late");
        workshop(early, "2017-01-01", List.of(dc, lc));
        workshop(late, "2017-01-02", List.of(lc));
        Instant asOf = Instant.now();
        api.delete("/api/workshops/" + early + "/tags/" + dc);
        api.put("/api/workshops/" + late + "/tags/" + dc, null);

        Api.Response kept = restore("tag-links", dc, asOf, false, Map.of(REASON, "links"));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(types(kept)).containsExactly("AssignTagToWorkshop");
        assertThat(kept.json().path("later_links").findValuesAsText("label")).containsExactly(late);
        assertThat(tags(late)).contains(dc);

        Api.Response removed = restore("tag-links", dc, asOf, false, Map.of(REASON, "links"),
                "remove_later_links", true);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(types(removed)).containsExactly("UnassignTagFromWorkshop");
        assertThat(tags(late)).containsExactly(lc);
        assertThat(tags(early)).containsExactlyInAnyOrder(dc, lc);
    }

    @Test
    void aWorkshopsFieldsTagsTasksAndArchivingComeBack() {
        String dc = tag("DC");
        String swc = tag("SWC");
        if (api.get("/api/roles/learner").status() == 404) {
            api.post("/api/roles", Map.of("name", "learner"));
        }
        String ann = person("Ann");
        String bob = person("Bob");
        String slug = unique("w");
        workshop(slug, "2018-05-01", List.of(dc));
        api.put("/api/workshops/" + slug + "/tasks/" + ann + "/learner", null);
        JsonNode before = api.get("/api/workshops/" + slug).json();
        Instant asOf = Instant.now();

        patch(slug, Map.of("venue", "Elsewhere", "notes", "moved", "attendance", 40, "admin_fee", 100));
        api.put("/api/workshops/" + slug + "/tags/" + swc, null);
        api.delete("/api/workshops/" + slug + "/tags/" + dc);
        api.delete("/api/workshops/" + slug + "/tasks/" + ann + "/learner");
        api.put("/api/workshops/" + slug + "/tasks/" + bob + "/learner", null);
        assertThat(api.put("/api/workshops/" + slug + "/archived", null).status()).isEqualTo(204);

        long events = eventCount();
        Api.Response dry = restore("workshop", slug, asOf, true, Map.of());
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(types(dry)).containsExactly("RestoreWorkshop", "AddTask", "RemoveTask", "AssignTagToWorkshop",
                "UnassignTagFromWorkshop", "EditWorkshop");
        JsonNode edit = dry.json().path("commands").get(5).path("arguments");
        assertThat(edit.path("venue").asText()).isEqualTo("Main Library");
        assertThat(edit.path("notes").asText()).isEmpty();
        assertThat(fields(dry.json().path("diff").get(0))).contains("venue", "notes", "attendance", "admin_fee",
                "tags", "tasks", "archived");
        assertThat(eventCount()).isEqualTo(events);

        Api.Response applied = restore("workshop", slug, asOf, false, Map.of(REASON, "undo"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("events").findValuesAsText("type")).contains("WorkshopRestored",
                "TaskAdded", "TaskRemoved", "TagAssignedToWorkshop", "TagUnassignedFromWorkshop",
                "WorkshopLocationChanged", "WorkshopNotesChanged", "WorkshopAdminFeeChanged");
        JsonNode after = api.get("/api/workshops/" + slug).json();
        for (String field : List.of("slug", "venue", "address", "notes", "attendance", "admin_fee", "archived",
                "tags", "country", "latitude", "longitude", "start", "end", "url")) {
            assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
        }
        assertThat(api.get("/api/workshops/" + slug + "/tasks").json().findValuesAsText("username"))
                .containsExactly(ann);
    }

    @Test
    void restoringARestoreGoesBackToTheStateInBetween() {
        String tag = tag("T");
        String slug = unique("w");
        workshop(slug, "2019-01-01", List.of(tag));
        patch(slug, Map.of("notes", "first"));
        Instant first = Instant.now();
        patch(slug, Map.of("notes", "second"));
        Instant second = Instant.now();
        patch(slug, Map.of("notes", "third"));

        String stale = "\"1\"";
        Api.Response changed = restore("workshop", slug, first, false, Map.of(REASON, "back", "If-Match", stale));
        assertThat(changed.status()).isEqualTo(412);
        assertThat(changed.code()).isEqualTo("version-mismatch");
        String current = api.get("/api/workshops/" + slug).header("ETag");
        assertThat(restore("workshop", slug, first, false, Map.of(REASON, "back", "If-Match", current)).status())
                .isEqualTo(200);
        assertThat(api.get("/api/workshops/" + slug).json().path("notes").asText()).isEqualTo("first");
        Api.Response undo = restore("workshop", slug, second, false, Map.of(REASON, "undo the restore"));
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(api.get("/api/workshops/" + slug).json().path("notes").asText()).isEqualTo("second");
        assertThat(api.get("/api/workshops/" + slug + "/history").json().findValuesAsText("reason"))
                .containsSubsequence("back", "undo the restore");
    }

    @Test
    void oneRefusedCommandRecordsNothing() {
        String dc = tag("DC");
        String lc = tag("LC");
        List<String> slugs = List.of(unique("a"), unique("b"), unique("c"));
        for (String slug : slugs) {
            workshop(slug, "2016-04-01", List.of(dc, lc));
        }
        Instant asOf = Instant.now();
        api.put("/api/tags/" + dc + "/retired", null);
        for (String slug : slugs) {
            api.delete("/api/workshops/" + slug + "/tags/" + dc);
        }
        api.put("/api/workshops/" + slugs.get(2) + "/archived", null);

        long events = eventCount();
        Api.Response refused = restore("tag-links", dc, asOf, false, Map.of(REASON, "links"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("workshop-archived");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(tags(slugs.get(0))).containsExactly(lc);
        assertThat(api.get("/api/tags/" + dc).json().path("retired").asBoolean()).isTrue();

        assertThat(api.delete("/api/workshops/" + slugs.get(2) + "/archived").status()).isEqualTo(204);
        Api.Response applied = restore("tag-links", dc, asOf, false, Map.of(REASON, "links"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        for (String slug : slugs) {
            assertThat(tags(slug)).containsExactlyInAnyOrder(dc, lc);
        }
    }

    @Test
    void aTagAndAnOrganisationComeBack() {
        String tag = tag("T");
        Instant asOf = Instant.now();
        String etag = api.get("/api/tags/" + tag).header("ETag");
        api.patch("/api/tags/" + tag, Map.of("details", "changed"), "If-Match", etag);
        api.put("/api/tags/" + tag + "/retired", null);
        String orgEtag = api.get("/api/organisations/" + host).header("ETag");
        assertThat(api.patch("/api/organisations/" + host, Map.of("fullname", "Renamed " + host, "notes", "n"),
                "If-Match", orgEtag).status()).isEqualTo(200);

        Api.Response tagRestore = restore("tag", tag, asOf, false, Map.of(REASON, "tag"));
        assertThat(types(tagRestore)).containsExactly("EditTagDetails", "ReinstateTag");
        JsonNode restoredTag = api.get("/api/tags/" + tag).json();
        assertThat(restoredTag.path("details").asText()).isEqualTo(tag + " workshops");
        assertThat(restoredTag.path("retired").asBoolean()).isFalse();

        Api.Response orgRestore = restore("organisation", host, asOf, false, Map.of(REASON, "org"));
        assertThat(orgRestore.status()).as(orgRestore.body()).isEqualTo(200);
        assertThat(types(orgRestore)).containsExactly("EditOrganisation");
        JsonNode org = api.get("/api/organisations/" + host).json();
        assertThat(org.path("fullname").asText()).isEqualTo("University of " + host);
        assertThat(org.path("notes").asText()).isEmpty();
    }

    @Test
    void aPersonsProfileAwardsAndArchivingComeBackUnlessErased() {
        String badge = unique("rb");
        String other = unique("ob");
        api.post("/api/badges", Map.of("name", badge, "title", "Restore badge", "criteria", "tests"));
        api.post("/api/badges", Map.of("name", other, "title", "Other badge", "criteria", "tests"));
        String email = unique("ann") + "@example.org";
        Api.Response created = api.post("/api/persons", Map.of("personal", "Ann", "family", unique("Family"),
                "email", email, "affiliation", "Library"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String who = created.json().path("username").asText();
        api.put("/api/persons/" + who + "/awards/" + badge, Map.of("awarded", "2016-04-06"));
        Instant asOf = Instant.now();

        String etag = api.get("/api/persons/" + who).header("ETag");
        assertThat(api.patch("/api/persons/" + who, Map.of("email", "changed-" + email, "personal", "Anne"),
                "If-Match", etag).status()).isEqualTo(200);
        api.delete("/api/persons/" + who + "/awards/" + badge);
        api.put("/api/persons/" + who + "/awards/" + other, Map.of("awarded", "2017-01-01"));
        api.put("/api/persons/" + who + "/archived", null);

        Api.Response applied = restore("person", who, asOf, false, Map.of(REASON, "undo"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(types(applied)).containsExactly("RestorePerson", "EditPerson", "RevokeAward", "AwardBadge");
        JsonNode person = api.get("/api/persons/" + who).json();
        assertThat(person.path("personal").asText()).isEqualTo("Ann");
        assertThat(person.path("email").asText()).isEqualTo(email);
        assertThat(person.path("archived").asBoolean()).isFalse();
        assertThat(api.get("/api/persons/" + who + "/awards").json().findValuesAsText("awarded"))
                .containsExactly("2016-04-06");

        assertThat(api.post("/api/persons/" + who + "/erasure", null).status()).isEqualTo(200);
        long events = eventCount();
        Api.Response erased = restore("person", who, asOf, false, Map.of(REASON, "undo"));
        assertThat(erased.status()).isEqualTo(409);
        assertThat(erased.code()).isEqualTo("person-erased");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        String tag = tag("T");
        String slug = unique("w");
        Instant beforeWorkshop = Instant.now();
        workshop(slug, "2019-02-01", List.of(tag));
        long events = eventCount();
        Map<String, Object> target = Map.of("type", "workshop", "key", slug);

        assertThat(problem(Map.of("target", target, "as_of", "2020-01-01T10:00:00")))
                .isEqualTo("instant-needs-offset");
        assertThat(problem(Map.of("target", target, "as_of", "yesterday"))).isEqualTo("instant-invalid");
        assertThat(problem(Map.of("target", target, "as_of", "2999-01-01T00:00:00Z"))).isEqualTo("as-of-in-future");
        assertThat(problem(Map.of("target", Map.of("type", "badge", "key", "x"), "as_of", "2020-01-01T00:00:00Z")))
                .isEqualTo("restore-target-unknown");
        assertThat(problem(Map.of("target", target, "as_of", "2020-01-01T00:00:00Z", "remove_later_links", true)))
                .isEqualTo("only-for-tag-links");
        assertThat(problem(Map.of("target", target, "as_of", "2020-01-01T00:00:00Z", "extra", 1)))
                .isEqualTo("unknown-field");
        assertThat(problem(Map.of("target", Map.of("type", "workshop", "key", slug, "at", "x"), "as_of",
                "2020-01-01T00:00:00Z"))).isEqualTo("unknown-field");
        assertThat(problem(Map.of("as_of", "2020-01-01T00:00:00Z"))).isEqualTo("required");

        Api.Response unknown = restore("workshop", unique("nowhere"), Instant.now(), true, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("workshop-not-found");
        Api.Response tooEarly = restore("workshop", slug, beforeWorkshop, false, Map.of(REASON, "early"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.code()).isEqualTo("restore-before-creation");
        Api.Response linksIfMatch = restore("tag-links", tag, Instant.now(), true, Map.of("If-Match", "\"1\""));
        assertThat(linksIfMatch.status()).isEqualTo(400);
        assertThat(linksIfMatch.code()).isEqualTo("if-match-not-applicable");
        assertThat(eventCount()).isEqualTo(events);
    }

    private String problem(Map<String, Object> body) {
        Api.Response r = api.post("/api/restores", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().path("errors").get(0).path("code").asText();
    }

    private Api.Response restore(String type, String key, Instant asOf, boolean dryRun, Map<String, String> headers,
                                 Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", Map.of("type", type, "key", key));
        body.put("as_of", asOf.toString());
        body.put("dry_run", dryRun);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        List<String> pairs = new ArrayList<>();
        headers.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return api.post("/api/restores", body, pairs.toArray(String[]::new));
    }

    private static List<String> types(Api.Response r) {
        List<String> types = new ArrayList<>();
        r.json().path("commands").forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    private static List<String> fields(JsonNode diff) {
        return diff.path("changes").findValuesAsText("field");
    }

    private String tag(String prefix) {
        String name = unique(prefix);
        assertThat(api.post("/api/tags", Fixtures.tag(name)).status()).isEqualTo(201);
        return name;
    }

    private void workshop(String slug, String start, List<String> tags) {
        Api.Response r = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, start, tags));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void patch(String slug, Map<String, Object> changes) {
        String etag = api.get("/api/workshops/" + slug).header("ETag");
        Api.Response r = api.patch("/api/workshops/" + slug, changes, "If-Match", etag);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String person(String personal) {
        Api.Response r = api.post("/api/persons", Map.of("personal", personal, "family", unique("Family")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("username").asText();
    }

    private List<String> tags(String slug) {
        return api.get("/api/workshops/" + slug).json().path("tags").findValuesAsText("name");
    }

    private Map<String, Object> metadata(long position) throws RuntimeException {
        byte[] meta = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE global_index = ?",
                byte[].class, position);
        try {
            return Api.JSON.readValue(meta, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
