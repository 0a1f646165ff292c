package org.carpentries.amy.api.persons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AMY's person merge (reference §3) over HTTP: every field of §3.2, duplicates skipped, nothing else touched. */
class PersonMergeIT extends AmyIT {

    static final List<String> SCALARS = List.of("username", "personal", "middle", "family", "email", "may_contact",
            "gender", "airport", "github", "twitter", "url", "affiliation", "occupation", "orcid", "notes");
    private String host;
    private String tag;
    private String helper;
    private String swc;
    private String dc;
    private String git;
    private String sql;
    private String bio;
    private String chem;
    private String w1;
    private String w2;

    @BeforeEach
    void referenceData() {
        host = unique("merge") + ".org";
        tag = unique("M");
        helper = unique("helper");
        swc = unique("swc-instructor");
        dc = unique("dc-instructor");
        git = unique("swc/git");
        sql = unique("swc/sql");
        bio = unique("Biology");
        chem = unique("Chemistry");
        w1 = unique("2016-04-06-w1");
        w2 = unique("2016-04-07-w2");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(tag));
        if (api.get("/api/roles/learner").status() == 404) {
            api.post("/api/roles", Map.of("name", "learner"));
        }
        created(api.post("/api/roles", Map.of("name", helper)));
        for (String badge : List.of(swc, dc)) {
            created(api.post("/api/badges", Map.of("name", badge, "title", "Instructor", "criteria", "Teaching")));
        }
        for (String lesson : List.of(git, sql)) {
            created(api.post("/api/lessons", Map.of("name", lesson)));
        }
        for (String domain : List.of(bio, chem)) {
            created(api.post("/api/knowledge-domains", Map.of("name", domain)));
        }
        created(api.post("/api/workshops", Fixtures.publishedWorkshop(w1, host, "2016-04-06", List.of(tag))));
        created(api.post("/api/workshops", Fixtures.publishedWorkshop(w2, host, "2016-04-07", List.of(tag))));
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String airport() {
        String iata = freeAirportCode();
        created(api.post("/api/airports", Map.of("iata", iata, "fullname", unique("Airport"), "country", "NZ",
                "latitude", -41.3, "longitude", 174.8)));
        return iata;
    }

    /** A person whose every field differs from any other's; {@code side} marks the values. */
    private Map<String, Object> profile(String side) {
        String u = unique(side).replace('.', '_');
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", u);
        p.put("personal", "Personal " + side);
        p.put("middle", "Middle " + side);
        p.put("family", "Family " + side);
        p.put("email", u + "@" + side + ".example.org");
        p.put("may_contact", side.equals("a"));
        p.put("gender", side.equals("a") ? "F" : "M");
        p.put("airport", airport());
        p.put("github", "gh-" + u);
        p.put("twitter", "tw-" + u);
        p.put("url", "https://" + side + ".example.org/" + u);
        p.put("affiliation", "Affiliation " + side);
        p.put("occupation", "Occupation " + side);
        p.put("orcid", "0000-000" + (side.equals("a") ? "1" : "2") + "-" + u);
        p.put("notes", "Notes " + side);
        return p;
    }

    private JsonNode register(Map<String, Object> profile) {
        Api.Response r = api.post("/api/persons", profile);
        created(r);
        return r.json();
    }

    private Api.Response merge(Object a, Object b, Map<String, Object> strategy, boolean dryRun) {
        Map<String, Object> body = new HashMap<>();
        body.put("person_a", a);
        body.put("person_b", b);
        body.put("strategy", strategy);
        body.put("dry_run", dryRun);
        return api.post("/api/persons/merges", body);
    }

    private static Map<String, Object> all(String choice, List<String> fields) {
        Map<String, Object> s = new LinkedHashMap<>();
        fields.forEach(f -> s.put(f, choice));
        return s;
    }

    /** The person's field as the API shows it, with the airport by IATA code as registered. */
    private String shown(JsonNode person, String field) {
        if (field.equals("airport")) {
            String id = person.path("airport_id").asText();
            return api.get("/api/airports/" + id).json().path("iata").asText();
        }
        return person.path(field).asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "b"})
    void everyScalarFieldComesFromTheChosenSideAndTheGivenUpValuesAreFreed(String choice) {
        Map<String, Object> pa = profile("a");
        Map<String, Object> pb = profile("b");
        JsonNode a = register(pa);
        JsonNode b = register(pb);
        Map<String, Object> strategy = all(choice, SCALARS);
        strategy.put("id", "a");
        Api.Response merged = merge(a.path("username").asText(), b.path("id").asText(), strategy, false);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("survivor").asText()).isEqualTo(a.path("id").asText());

        Map<String, Object> chosen = choice.equals("a") ? pa : pb;
        Map<String, Object> other = choice.equals("a") ? pb : pa;
        JsonNode survivor = api.get("/api/persons/" + a.path("id").asText()).json();
        for (String field : SCALARS) {
            assertThat(shown(survivor, field)).as(field).isEqualTo(String.valueOf(chosen.get(field)));
            if (!field.equals("airport")) {
                assertThat(merged.json().path("result").path(field).asText()).as("result." + field)
                        .isEqualTo(String.valueOf(chosen.get(field)));
            }
        }
        JsonNode absorbed = api.get("/api/persons/" + b.path("id").asText()).json();
        assertThat(absorbed.path("archived").asBoolean()).isTrue();
        assertThat(absorbed.path("merged_into").asText()).isEqualTo(a.path("id").asText());
        // Whatever the survivor gave up (all of B's, or A's own replaced by B's) is free for someone new.
        Map<String, Object> reuse = new LinkedHashMap<>();
        for (String field : List.of("username", "email", "github", "twitter")) {
            reuse.put(field, other.get(field));
        }
        reuse.put("personal", "New");
        reuse.put("family", "Comer");
        created(api.post("/api/persons", reuse));
        // and what the survivor holds is not.
        Map<String, Object> taken = new LinkedHashMap<>(Map.of("personal", "Late", "family", "Comer", "email",
                chosen.get("email")));
        assertThat(api.post("/api/persons", taken).code()).isEqualTo("email-taken");
        assertThat(api.post("/api/persons", Map.of("personal", "Late", "family", "Comer", "username",
                chosen.get("username"))).code()).isEqualTo("username-taken");
    }

    @Test
    void combinedNotesAreJoinedByALineBreak() {
        JsonNode a = register(profile("a"));
        JsonNode b = register(profile("b"));
        Api.Response merged = merge(a.path("id").asText(), b.path("id").asText(), Map.of("notes", "combine"), false);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(api.get("/api/persons/" + a.path("id").asText()).json().path("notes").asText())
                .isEqualTo("Notes a\nNotes b");
    }

    /** A holds swc, git, Biology and a helper task at w1; B holds the same and dc, sql, Chemistry and w2 tasks. */
    private JsonNode[] overlappingPeople() {
        String family = unique("Granger");
        JsonNode a = register(Map.of("personal", "Hermione", "family", family, "lessons", List.of(git),
                "domains", List.of(bio)));
        JsonNode b = register(Map.of("personal", "Hermione", "family", family, "lessons", List.of(git,
                sql), "domains", List.of(bio, chem)));
        JsonNode giver = register(Map.of("personal", "Minerva", "family", unique("McGonagall")));
        String ua = a.path("username").asText();
        String ub = b.path("username").asText();
        assertThat(api.put("/api/persons/" + ua + "/awards/" + swc, Map.of("awarded", "2015-01-01")).status())
                .isEqualTo(200);
        assertThat(api.put("/api/persons/" + ub + "/awards/" + swc, Map.of("awarded", "2016-02-02", "workshop", w1,
                "awarded_by", giver.path("username").asText())).status()).isEqualTo(200);
        assertThat(api.put("/api/persons/" + ub + "/awards/" + dc, Map.of("awarded", "2016-03-03", "workshop", w2,
                "awarded_by", giver.path("username").asText())).status()).isEqualTo(200);
        for (String[] task : List.of(new String[]{w1, ua, helper}, new String[]{w1, ub, helper},
                new String[]{w2, ub, helper}, new String[]{w2, ub, "learner"})) {
            assertThat(api.put("/api/workshops/" + task[0] + "/tasks/" + task[1] + "/" + task[2], null).status())
                    .isEqualTo(204);
        }
        return new JsonNode[]{a, b, giver};
    }

    private List<String> awards(String person) {
        List<String> out = new ArrayList<>();
        for (JsonNode w : api.get("/api/persons/" + person + "/awards").json()) {
            out.add(w.path("badge").asText() + " " + w.path("awarded").asText() + " "
                    + (w.path("workshop_id").isNull() ? "-" : "w") + " "
                    + (w.path("awarded_by").isNull() ? "-" : "by"));
        }
        return out;
    }

    private List<String> tasks(String workshop) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : api.get("/api/workshops/" + workshop + "/tasks").json()) {
            out.add(t.path("username").asText() + " " + api.get("/api/roles/" + t.path("role_id").asText()).json()
                    .path("name").asText());
        }
        return out;
    }

    private List<String> names(String resource, JsonNode ids) {
        List<String> out = new ArrayList<>();
        ids.forEach(id -> out.add(api.get("/api/" + resource + "/" + id.asText()).json().path("name").asText()));
        return out;
    }

    @Test
    void combiningMovesTheAbsorbedItemsAndSkipsAndReportsDuplicates() {
        JsonNode[] people = overlappingPeople();
        String ua = people[0].path("username").asText();
        String ub = people[1].path("username").asText();
        Api.Response merged = merge(ua, ub, all("combine", List.of("awards", "qualifications", "domains", "tasks")),
                false);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode out = merged.json();
        assertThat(out.path("skipped_duplicates").path("awards")).hasSize(1);
        assertThat(out.path("skipped_duplicates").path("lesson_ids")).hasSize(1);
        assertThat(out.path("skipped_duplicates").path("domain_ids")).hasSize(1);
        assertThat(out.path("skipped_duplicates").path("tasks")).hasSize(1);
        assertThat(out.path("moved").path("awards")).hasSize(1);
        assertThat(out.path("moved").path("tasks")).hasSize(2);
        assertThat(out.path("warnings").toString()).contains("duplicate award", "duplicate task");

        assertThat(awards(ua)).containsExactly(swc + " 2015-01-01 - -", dc + " 2016-03-03 w by");
        assertThat(awards(ub)).isEmpty();
        JsonNode survivor = api.get("/api/persons/" + ua).json();
        assertThat(names("lessons", survivor.path("lesson_ids"))).containsExactlyInAnyOrder(git, sql);
        assertThat(names("knowledge-domains", survivor.path("domain_ids"))).containsExactlyInAnyOrder(bio, chem);
        assertThat(tasks(w1)).containsExactly(ua + " " + helper);
        assertThat(tasks(w2)).containsExactlyInAnyOrder(ua + " " + helper, ua + " learner");
        assertThat(api.get("/api/workshops/" + w2).json().path("attendance").asInt()).isEqualTo(1);
    }

    @Test
    void choosingTheAbsorbedSideReplacesTheSurvivorsOwnItems() {
        JsonNode[] people = overlappingPeople();
        String ua = people[0].path("username").asText();
        String ub = people[1].path("username").asText();
        Api.Response merged = merge(ua, ub, all("b", List.of("awards", "qualifications", "domains", "tasks")), false);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("removed").path("awards")).hasSize(1);
        assertThat(awards(ua)).containsExactly(swc + " 2016-02-02 w by", dc + " 2016-03-03 w by");
        JsonNode survivor = api.get("/api/persons/" + ua).json();
        assertThat(names("lessons", survivor.path("lesson_ids"))).containsExactlyInAnyOrder(git, sql);
        assertThat(names("knowledge-domains", survivor.path("domain_ids"))).containsExactlyInAnyOrder(bio, chem);
        assertThat(tasks(w1)).containsExactly(ua + " " + helper);
        assertThat(tasks(w2)).containsExactlyInAnyOrder(ua + " " + helper, ua + " learner");
    }

    @Test
    void keepingTheSurvivorsSideDropsTheAbsorbedItemsFromEveryWorkshop() {
        JsonNode[] people = overlappingPeople();
        String ua = people[0].path("username").asText();
        String ub = people[1].path("username").asText();
        Api.Response merged = merge(ua, ub, Map.of(), false);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("dropped").path("tasks")).hasSize(3);
        assertThat(awards(ua)).containsExactly(swc + " 2015-01-01 - -");
        JsonNode survivor = api.get("/api/persons/" + ua).json();
        assertThat(names("lessons", survivor.path("lesson_ids"))).containsExactly(git);
        assertThat(names("knowledge-domains", survivor.path("domain_ids"))).containsExactly(bio);
        assertThat(tasks(w1)).containsExactly(ua + " " + helper);
        assertThat(tasks(w2)).isEmpty();
    }

    @Test
    void bSurvivesWhenIdIsB() {
        JsonNode[] people = overlappingPeople();
        String ua = people[0].path("username").asText();
        String ub = people[1].path("username").asText();
        Api.Response merged = merge(ua, ub, Map.of("id", "b", "tasks", "combine"), false);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("survivor").asText()).isEqualTo(people[1].path("id").asText());
        assertThat(api.get("/api/persons/" + people[0].path("id").asText()).json().path("archived").asBoolean())
                .isTrue();
        // Strategy a on the other fields: A's values, now on B.
        assertThat(api.get("/api/persons/" + people[1].path("id").asText()).json().path("username").asText())
                .isEqualTo(ua);
        assertThat(tasks(w1)).containsExactly(ua + " " + helper);
    }

    @Test
    void theMergeShowsInBothHistoriesAndTheDuplicatesReport() {
        JsonNode[] people = overlappingPeople();
        String ida = people[0].path("id").asText();
        String idb = people[1].path("id").asText();
        assertThat(api.get("/api/persons/duplicates").json().path("duplicate_names").toString()).contains(idb);
        assertThat(merge(ida, idb, Map.of("tasks", "combine"), false).status()).isEqualTo(200);
        JsonNode ha = api.get("/api/persons/" + ida + "/history").json();
        JsonNode hb = api.get("/api/persons/" + idb + "/history").json();
        assertThat(ha.findValuesAsText("type")).contains("PersonsMerged");
        assertThat(hb.findValuesAsText("type")).contains("AwardRevoked", "PersonMergedInto");
        assertThat(hb.get(hb.size() - 1).toString()).contains("merged_into", ida);
        assertThat(api.get("/api/workshops/" + w2 + "/history").json().findValuesAsText("type"))
                .contains("TaskRemoved", "TaskAdded");
        assertThat(api.get("/api/persons/duplicates").json().path("duplicate_names").toString()).doesNotContain(idb);
    }

    @Test
    void awardsTheAbsorbedPersonGaveAndEveryOtherRecordStayAsTheyWere() {
        JsonNode[] people = overlappingPeople();
        String ua = people[0].path("username").asText();
        String ub = people[1].path("username").asText();
        JsonNode pupil = register(Map.of("personal", "Neville", "family", unique("Longbottom")));
        String up = pupil.path("username").asText();
        assertThat(api.put("/api/persons/" + up + "/awards/" + dc, Map.of("awarded", "2016-05-05",
                "awarded_by", ub)).status()).isEqualTo(200);
        List<String> untouched = new ArrayList<>(List.of("/api/badges/" + swc, "/api/badges/" + dc,
                "/api/lessons/" + git, "/api/lessons/" + sql, "/api/roles/" + helper, "/api/roles/learner",
                "/api/tags/" + tag, "/api/persons/" + up, "/api/persons/" + up + "/awards",
                "/api/persons/" + up + "/history", "/api/persons/" + people[2].path("username").asText(),
                "/api/persons/" + people[2].path("username").asText() + "/history"));
        for (String domain : List.of(bio, chem)) {
            for (JsonNode d : api.get("/api/knowledge-domains").json().findParents("name")) {
                if (d.path("name").asText().equals(domain)) {
                    untouched.add("/api/knowledge-domains/" + d.path("id").asText());
                }
            }
        }
        for (String badge : List.of(swc, dc)) {
            untouched.add("/api/badges/" + badge + "/history");
        }
        Map<String, String> before = new LinkedHashMap<>();
        untouched.forEach(path -> before.put(path, api.get(path).body()));
        String w1Before = withoutRoster(api.get("/api/workshops/" + w1).json());

        Api.Response merged = merge(ua, ub, all("combine", List.of("awards", "qualifications", "domains", "tasks")),
                false);
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("awards_given_by_absorbed")).hasSize(1);
        assertThat(merged.json().path("awards_given_by_absorbed").get(0).path("person_id").asText())
                .isEqualTo(pupil.path("id").asText());
        untouched.forEach(path -> assertThat(api.get(path).body()).as(path).isEqualTo(before.get(path)));
        assertThat(withoutRoster(api.get("/api/workshops/" + w1).json())).isEqualTo(w1Before);
        assertThat(api.get("/api/persons/" + up + "/awards").json().get(0).path("awarded_by").asText())
                .isEqualTo(people[1].path("id").asText());
    }

    /** A workshop without what a moved task changes (version and update time). */
    private static String withoutRoster(JsonNode workshop) {
        var copy = workshop.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("version", "updated_at"));
        return copy.toString();
    }

    @Test
    void aDryRunAnswersWhatTheMergeDoesAndRecordsNothing() {
        JsonNode[] people = overlappingPeople();
        String ua = people[0].path("username").asText();
        String ub = people[1].path("username").asText();
        Map<String, Object> strategy = all("combine", List.of("awards", "qualifications", "domains", "tasks",
                "notes"));
        strategy.put("username", "b");
        long events = eventCount();
        String personBefore = api.get("/api/persons/" + ua).body();
        Api.Response dry = merge(ua, ub, strategy, true);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().path("dry_run").asBoolean()).isTrue();
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get("/api/persons/" + ua).body()).isEqualTo(personBefore);
        assertThat(api.get("/api/persons/" + ub).json().path("archived").asBoolean()).isFalse();

        Api.Response real = merge(ua, ub, strategy, false);
        assertThat(real.status()).as(real.body()).isEqualTo(200);
        for (String part : List.of("result", "moved", "skipped_duplicates", "removed", "dropped", "warnings",
                "events")) {
            assertThat(real.json().path(part)).as(part).isEqualTo(dry.json().path(part));
        }
        assertThat(eventCount()).isEqualTo(events + real.json().path("events").size());
    }

    @Test
    void aFailureLeavesNoEventAndNoFreedValue() {
        JsonNode[] people = overlappingPeople();
        String ua = people[0].path("username").asText();
        String ub = people[1].path("username").asText();
        String w2Id = api.get("/api/workshops/" + w2).json().path("id").asText();
        // The last write of the merge (w2's roster) fails in the database, after both people recorded theirs.
        String trigger = "merge_fault_" + Long.toString(System.nanoTime(), 36);
        jdbc.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'injected fault'; END $$");
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON domain_event_entry FOR EACH ROW WHEN "
                + "(NEW.aggregate_identifier = '" + w2Id + "') EXECUTE FUNCTION " + trigger + "()");
        long events = eventCount();
        Api.Response failed;
        try {
            failed = merge(ua, ub, Map.of("username", "b", "tasks", "combine"), false);
        } finally {
            jdbc.execute("DROP TRIGGER " + trigger + " ON domain_event_entry");
            jdbc.execute("DROP FUNCTION " + trigger + "()");
        }
        // The store failing is not a race with another writer: a 503 problem, and nothing recorded.
        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.code()).isEqualTo("event-store-unavailable");
        assertThat(failed.header("Content-Type")).contains("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.get("/api/persons/" + ub).json().path("archived").asBoolean()).isFalse();
        assertThat(api.post("/api/persons", Map.of("personal", "X", "family", "Y", "username", ub)).code())
                .isEqualTo("username-taken");
        assertThat(tasks(w2)).containsExactlyInAnyOrder(ub + " " + helper, ub + " learner");
        // and the same merge then succeeds.
        assertThat(merge(ua, ub, Map.of("username", "b", "tasks", "combine"), false).status()).isEqualTo(200);
    }

    /** The codes of a 400 problem's field errors. */
    private static List<String> errors(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().path("errors").findValuesAsText("code");
    }

    @Test
    void badInputIsAProblemWithAStableCodeAndChangesNothing() {
        JsonNode a = register(profile("a"));
        JsonNode b = register(profile("b"));
        String ua = a.path("username").asText();
        String ub = b.path("username").asText();
        long events = eventCount();
        assertThat(errors(merge(ua, a.path("id").asText(), Map.of(), false))).contains("merge-same-person");
        assertThat(merge(ua, "nobody-" + unique("x"), Map.of(), false).code()).isEqualTo("person-not-found");
        assertThat(errors(merge(ua, ub, Map.of("username", "combine"), false))).contains("merge-cannot-combine");
        assertThat(errors(merge(ua, ub, Map.of("id", "combine"), false))).contains("merge-cannot-combine");
        assertThat(errors(merge(ua, ub, Map.of("is_active", "a"), false))).contains("merge-not-applicable");
        assertThat(errors(merge(ua, ub, Map.of("password", "a"), false))).contains("unknown-field");
        assertThat(errors(merge(ua, ub, Map.of("email", "c"), false))).contains("merge-choice-invalid");
        assertThat(errors(api.post("/api/persons/merges", Map.of("person_a", ua)))).contains("required");
        assertThat(errors(api.post("/api/persons/merges", Map.of("person_a", ua, "person_b", ub, "force", true))))
                .contains("unknown-field");
        Api.Response bad = merge(ua, ub, Map.of("awards", "both"), false);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).contains("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);

        JsonNode archived = register(profile("c"));
        assertThat(api.put("/api/persons/" + archived.path("id").asText() + "/archived", null).status())
                .isLessThan(300);
        assertThat(merge(ua, archived.path("id").asText(), Map.of(), false).code()).isEqualTo("person-archived");
        JsonNode erased = register(profile("d"));
        assertThat(api.post("/api/persons/" + erased.path("id").asText() + "/erasure", null).status())
                .isLessThan(300);
        long before = eventCount();
        Api.Response withErased = merge(ua, erased.path("id").asText(), Map.of(), false);
        assertThat(withErased.status()).isEqualTo(409);
        assertThat(withErased.code()).isEqualTo("person-erased");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.get("/api/persons/" + ub).json().path("archived").asBoolean()).isFalse();
    }
}
