package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.carpentries.amy.query.published.PublishedExport;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.query.replay.RebuildProgress;
import org.carpentries.amy.query.replay.Tables;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every read model rebuilt from the store equals the live one; replaying the store twice into a model gives the
 * same rows as once (handlers are idempotent); a rebuild swaps in while the API keeps answering the same.
 */
class ReadModelReplayIT extends FreshDatabaseIT {

    @Autowired
    ReadModels readModels;
    @Autowired
    List<ReadModel> models;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;
    private static boolean loaded;

    @BeforeEach
    void history() {
        if (loaded) {
            return;
        }
        api.post("/api/organisations", Fixtures.organisation("esu.edu"));
        api.post("/api/organisations", Fixtures.organisation("other.org"));
        for (String tag : List.of("SWC", "DC", "LC", "old")) {
            api.post("/api/tags", Fixtures.tag(tag));
        }
        for (int i = 1; i <= 6; i++) {
            api.post("/api/workshops", Fixtures.publishedWorkshop("2016-0" + i + "-01-w" + i, i % 2 == 0 ? "esu.edu"
                    : "other.org", "2016-0" + i + "-01", i % 3 == 0 ? List.of("DC", "LC") : List.of("SWC")));
        }
        String etag = api.get("/api/workshops/2016-01-01-w1").header("ETag");
        api.patch("/api/workshops/2016-01-01-w1", Map.of("venue", "Elsewhere", "country", "W3"), "If-Match", etag);
        api.put("/api/workshops/2016-02-01-w2/tags/old", null);
        api.put("/api/tags/old/retired", null);
        api.patch("/api/tags/DC", Map.of("details", "Data Carpentry!"), "If-Match",
                api.get("/api/tags/DC").header("ETag"));
        api.put("/api/workshops/2016-04-01-w4/archived", null);
        api.post("/api/workshops/merges", Map.of("workshop_a", "2016-03-01-w3", "workshop_b", "2016-05-01-w5",
                "strategy", Map.of("tags", "combine", "venue", "combine")));
        api.patch("/api/organisations/other.org", Map.of("fullname", "Other Org"), "If-Match",
                api.get("/api/organisations/other.org").header("ETag"));
        // People, so the persons read model has rows too.
        String ron = api.post("/api/persons", Map.of("personal", "Ron", "family", "Weasley", "email",
                "ron@example.org")).header("ETag");
        api.patch("/api/persons/weasley_ron", Map.of("notes", "prefers chess"), "If-Match", ron);
        api.post("/api/persons", Map.of("personal", "Luna", "family", "Lovegood"));
        api.post("/api/persons/lovegood_luna/erasure", null);
        teachingReferenceData();
        peopleInExports();
        personMerge();
        loaded = true;
    }

    private void teachingReferenceData() {
        api.post("/api/airports", Map.of("iata", "AMS", "fullname", "Amsterdam Airport Schiphol", "country", "NL",
                "latitude", 52.3086, "longitude", 4.7639));
        api.post("/api/airports", Map.of("iata", "LHR", "fullname", "London Heathrow", "country", "GB",
                "latitude", 51.4706, "longitude", -0.4619));
        api.patch("/api/airports/AMS", Map.of("fullname", "Schiphol", "longitude", 4.76, "iata", "SPL"), "If-Match",
                "\"0\"");
        api.put("/api/airports/LHR/retired", null);
        String git = api.post("/api/lessons", Map.of("name", "swc/git-novice")).json().path("id").asText();
        api.patch("/api/lessons/" + git, Map.of("name", "swc/git"), "If-Match", "\"0\"");
        api.post("/api/lessons", Map.of("name", "dc/sql"));
        api.post("/api/roles", Map.of("name", "instructor"));
        api.post("/api/roles", Map.of("name", "tutor"));
        api.put("/api/roles/tutor/retired", null);
        String maths = api.post("/api/knowledge-domains", Map.of("name", "Maths")).json().path("id").asText();
        api.patch("/api/knowledge-domains/" + maths, Map.of("name", "Mathematics/statistics"), "If-Match", "\"0\"");
        api.post("/api/knowledge-domains", Map.of("name", "Physics"));
        api.post("/api/badges", Map.of("name", "swc-instructor", "title", "Software Carpentry Instructor",
                "criteria", "Teaching at Software Carpentry workshops or online"));
        api.patch("/api/badges/swc-instructor", Map.of("title", "SWC Instructor"), "If-Match", "\"0\"");
        api.post("/api/badges", Map.of("name", "trainer", "title", "Trainer", "criteria",
                "Teaching instructor training workshops"));
        api.put("/api/badges/trainer/retired", null);
    }

    /** Awards, tasks and airports for the people exports, with an instructor erased after their airport moved. */
    private void peopleInExports() {
        api.post("/api/badges", Map.of("name", "member", "title", "Member", "criteria", "SCF member"));
        api.post("/api/persons", Map.of("personal", "Ginny", "family", "Weasley", "airport", "SPL"));
        api.post("/api/persons", Map.of("personal", "Fred", "family", "Weasley", "email", "fred@example.org",
                "airport", "SPL"));
        for (String person : List.of("weasley_ginny", "weasley_fred")) {
            api.put("/api/persons/" + person + "/awards/swc-instructor", Map.of("awarded", "2016-01-10"));
            api.put("/api/workshops/2016-06-01-w6/tasks/" + person + "/instructor", null);
        }
        api.put("/api/persons/weasley_ron/awards/member", Map.of("awarded", "2016-02-01"));
        api.delete("/api/persons/weasley_ron/awards/member");
        api.put("/api/persons/weasley_ron/awards/member", Map.of("awarded", "2016-03-01"));
        api.patch("/api/airports/SPL", Map.of("fullname", "Amsterdam Schiphol"), "If-Match",
                api.get("/api/airports/SPL").header("ETag"));
        api.post("/api/persons/weasley_fred/erasure", null);
        api.patch("/api/airports/SPL", Map.of("fullname", "Schiphol"), "If-Match",
                api.get("/api/airports/SPL").header("ETag"));
    }

    /** A person merge that moves an award, a qualification and a task, so every model sees its events. */
    private void personMerge() {
        api.post("/api/persons", Map.of("personal", "Bill", "family", "Weasley", "email", "bill@example.org",
                "lessons", List.of("dc/sql")));
        api.post("/api/persons", Map.of("personal", "William", "family", "Weasley", "username", "william",
                "email", "william@example.org", "lessons", List.of("swc/git")));
        api.put("/api/persons/william/awards/swc-instructor", Map.of("awarded", "2016-04-06"));
        api.put("/api/workshops/2016-06-01-w6/tasks/william/instructor", null);
        var merged = api.post("/api/persons/merges", Map.of("person_a", "weasley_bill", "person_b", "william",
                "strategy", Map.of("email", "b", "notes", "combine", "awards", "combine", "qualifications",
                        "combine", "tasks", "combine")));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    }

    @Test
    void eachRebuiltReadModelEqualsTheLiveOne() {
        for (String name : readModels.names()) {
            RebuildProgress verification = readModels.runNow(name, true, Duration.ofMinutes(2));
            assertThat(verification.state()).as(name + ": " + verification.error()).isEqualTo("done");
            assertThat(verification.eventsReplayed()).isPositive();
            assertThat(verification.differences()).as(name).isEmpty();
        }
    }

    @Test
    void everyRebuildTwinHasTheIndexesOfItsLiveTable() {
        // A rebuild swaps the twin in: an index only the live table has would be gone after it.
        String definitions = """
                SELECT regexp_replace(indexdef, ' INDEX \\S+ ON (\\S+\\.)?\\S+ ', ' INDEX ON ') FROM pg_indexes
                WHERE schemaname = current_schema() AND tablename = ? ORDER BY 1""";
        for (ReadModel model : models) {
            for (String table : model.tables()) {
                List<String> live = jdbc.queryForList(definitions, String.class, table);
                assertThat(jdbc.queryForList(definitions, String.class, table + "_rebuild")).as(table).isEqualTo(live);
                assertThat(live).as(table).isNotEmpty();
            }
        }
    }

    @Test
    void replayingEveryEventTwiceGivesTheSameRowsAsOnce() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (ReadModel model : models) {
            tx.executeWithoutResult(s -> model.tables().forEach(t -> jdbc.update("DELETE FROM " + t + "_rebuild")));
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(model.writingTo(Tables.REBUILD));
            replayInto(handler, tx);
            List<List<Map<String, Object>>> once = snapshot(model);
            replayInto(handler, tx);
            assertThat(snapshot(model)).as(model.name()).isEqualTo(once);
            assertThat(once.get(0)).as(model.name()).isNotEmpty();
        }
    }

    @Test
    void aRebuildSwapsInAndTheApiAnswersExactlyAsBefore() {
        String workshops = api.get("/api/workshops?ordering=slug&archived=false").body();
        String archived = api.get("/api/workshops?archived=true&ordering=slug").body();
        String tags = api.get("/api/tags?include_retired=true").body();
        String organisations = api.get("/api/organisations").body();
        List<String> references = List.of("/api/airports?include_retired=true", "/api/lessons?include_retired=true",
                "/api/roles?include_retired=true", "/api/knowledge-domains?include_retired=true",
                "/api/badges?include_retired=true");
        List<String> referencesBefore = references.stream().map(path -> api.get(path).body()).toList();
        byte[] yaml = anonymous.get("/api/v1/events/published.yaml").bytes();
        String etag = anonymous.get("/api/v1/events/published.yaml").header("ETag");
        List<String> exports = List.of("/api/v1/export/badges.yaml", "/api/v1/export/instructors.json",
                "/api/v1/export/members.csv?earliest=2016-01-01&latest=2016-12-31");
        List<String> exportsBefore = exports.stream().map(path -> api.get(path).header("ETag") + api.get(path).body())
                .toList();
        assertThat(exportsBefore.get(2)).contains("weasley_fred").contains("weasley_ron");
        // Damage the live views: only what the rebuilds swap in can bring the answers back.
        assertThat(jdbc.update("DELETE FROM tag_view")).isPositive();
        assertThat(jdbc.update("UPDATE workshop_view SET slug = 'damaged'")).isPositive();
        assertThat(jdbc.update("DELETE FROM people_export_award")).isPositive();
        assertThat(api.get("/api/tags?include_retired=true").body()).isNotEqualTo(tags);
        for (String name : readModels.names()) {
            RebuildProgress rebuild = readModels.runNow(name, false, Duration.ofMinutes(2));
            assertThat(rebuild.state()).as(name + ": " + rebuild.error()).isEqualTo("done");
        }
        // The live tables keep the index names their migrations gave, which a later migration may name.
        String indexes = "SELECT indexname FROM pg_indexes WHERE tablename = ?";
        assertThat(jdbc.queryForList(indexes, String.class, "audit_entry"))
                .contains("audit_entry_pkey", "audit_entry_time_idx", "audit_entry_request_idx");
        assertThat(jdbc.queryForList(indexes, String.class, "audit_entry_rebuild"))
                .doesNotContain("audit_entry_pkey", "audit_entry_time_idx", "audit_entry_request_idx");
        assertThat(jdbc.queryForList(indexes, String.class, "workshop_view")).contains("workshop_view_slug_idx");
        assertThat(api.get("/api/workshops?ordering=slug&archived=false").body()).isEqualTo(workshops);
        assertThat(api.get("/api/workshops?archived=true&ordering=slug").body()).isEqualTo(archived);
        assertThat(api.get("/api/tags?include_retired=true").body()).isEqualTo(tags);
        assertThat(api.get("/api/organisations").body()).isEqualTo(organisations);
        assertThat(references.stream().map(path -> api.get(path).body()).toList()).isEqualTo(referencesBefore);
        assertThat(api.get("/api/airports/SPL").json().path("fullname").asText()).isEqualTo("Schiphol");
        Api.Response after = anonymous.get("/api/v1/events/published.yaml");
        assertThat(after.bytes()).isEqualTo(yaml);
        assertThat(after.header("ETag")).isEqualTo(etag);
        assertThat(exports.stream().map(path -> api.get(path).header("ETag") + api.get(path).body()).toList())
                .isEqualTo(exportsBefore);
        var status = api.get("/api/admin/read-models").json();
        for (var model : status) {
            assertThat(model.path("state").asText()).as(model.toString()).isEqualTo("running");
            assertThat(model.path("lag").asLong()).as(model.toString()).isZero();
        }

        api.post("/api/tags", Fixtures.tag("after-rebuild"));
        assertThat(api.get("/api/tags/after-rebuild").status()).isEqualTo(200);
    }

    @Test
    void aRebuildThatChangesTheExportsBytesChangesItsETagAtTheSamePosition(@Autowired PublishedExport export) {
        Api.Response good = anonymous.get("/api/v1/events/published.yaml");
        long position = export.state().position();
        // A projection that once wrote wrong fragments, served since the last start: the rebuild must replace them
        // although no event moved the export's position.
        assertThat(jdbc.update("UPDATE published_workshop SET yaml_item = replace(yaml_item, 'slug:', 'slug: x')"
                + " WHERE published")).isPositive();
        export.replaced();
        Api.Response wrong = anonymous.get("/api/v1/events/published.yaml");
        assertThat(wrong.body()).isNotEqualTo(good.body());
        assertThat(wrong.header("ETag")).isNotEqualTo(good.header("ETag"));

        assertThat(readModels.runNow("published", false, Duration.ofMinutes(2)).state()).isEqualTo("done");
        assertThat(export.state().position()).isEqualTo(position);
        Api.Response rebuilt = anonymous.get("/api/v1/events/published.yaml", "If-None-Match", wrong.header("ETag"));
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.bytes()).isEqualTo(good.bytes());
        assertThat(rebuilt.header("ETag")).isEqualTo(good.header("ETag"));
    }

    @Test
    void rebuildsAreStartedAndFollowedOverHttp() {
        Api.Response started = api.post("/api/admin/read-models/tags/rebuilds", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/api/admin/read-models/tags/rebuilds/latest");
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() ->
                api.get("/api/admin/read-models/tags/rebuilds/latest").json().path("state").asText().equals("done"));
        var done = api.get("/api/admin/read-models/tags/rebuilds/latest").json();
        assertThat(done.path("events_replayed").asLong()).isPositive();
        assertThat(done.path("position").asLong()).isEqualTo(done.path("head").asLong());
        assertThat(api.post("/api/admin/read-models/nope/rebuilds", null).status()).isEqualTo(404);
        assertThat(anonymous.post("/api/admin/read-models/tags/rebuilds", null).status()).isEqualTo(401);
    }

    /**
     * The models that share a processor have one position, which a rebuild's switch moves: rebuilding one of them
     * rebuilds the others with it, in the same pass, and leaves the models of other processors alone.
     */
    @Test
    void aRebuildOfOneModelRebuildsTheOtherModelsOfItsProcessorWithIt() {
        String workshops = api.get("/api/workshops?ordering=slug&archived=false").body();
        assertThat(jdbc.update("UPDATE workshop_view SET slug = 'damaged'")).isPositive();
        String processor = readModels.processorName("published");
        List<String> together = readModels.modelsOf(processor);
        assertThat(together).contains("published", "workshops", "audit").doesNotContain("tags");

        Api.Response started = api.post("/api/admin/read-models/published/rebuilds", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("read_model").asText()).isEqualTo("published");
        String startedAt = started.json().path("started_at").asText();
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
            for (var model : api.get("/api/admin/read-models").json()) {
                if (together.contains(model.path("name").asText())
                        && (!model.path("last_rebuild").path("state").asText().equals("done")
                        || !model.path("state").asText().equals("running"))) {
                    return false;
                }
            }
            return true;
        });
        long head = readModels.head();
        for (var model : api.get("/api/admin/read-models").json()) {
            var rebuild = model.path("last_rebuild");
            if (together.contains(model.path("name").asText())) {
                assertThat(model.path("processor").asText()).isEqualTo(processor);
                assertThat(rebuild.path("started_at").asText()).as(model.toString()).isEqualTo(startedAt);
                assertThat(rebuild.path("position").asLong()).as(model.toString()).isEqualTo(head);
            } else {
                assertThat(rebuild.path("started_at").asText()).as(model.toString()).isNotEqualTo(startedAt);
            }
        }
        assertThat(api.get("/api/workshops?ordering=slug&archived=false").body()).isEqualTo(workshops);
        api.post("/api/workshops", Fixtures.publishedWorkshop("2016-09-01-after-shared", "esu.edu", "2016-09-01",
                List.of("SWC")));
        assertThat(api.get("/api/workshops/2016-09-01-after-shared").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/events/published.yaml").body()).contains("2016-09-01-after-shared");
    }

    @Test
    void oneRebuildPassOfEveryModelSwapsEachInAndTheApiAnswersAsBefore() {
        String workshops = api.get("/api/workshops?ordering=slug&archived=false").body();
        String tags = api.get("/api/tags?include_retired=true").body();
        String awards = api.get("/api/v1/export/badges.yaml").body();
        assertThat(jdbc.update("DELETE FROM tag_view")).isPositive();
        assertThat(jdbc.update("UPDATE workshop_view SET slug = 'damaged'")).isPositive();
        assertThat(jdbc.update("DELETE FROM people_export_award")).isPositive();

        Api.Response started = api.post("/api/admin/read-models/rebuilds", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/api/admin/read-models");
        assertThat(started.json()).hasSize(readModels.names().size());
        String startedAt = started.json().get(0).path("started_at").asText();
        started.json().forEach(p -> assertThat(p.path("started_at").asText()).isEqualTo(startedAt));
        var models = awaitPass(startedAt);
        long head = readModels.head();
        for (var model : models) {
            var rebuild = model.path("last_rebuild");
            assertThat(rebuild.path("state").asText()).as(model.toString()).isEqualTo("done");
            assertThat(rebuild.path("mode").asText()).isEqualTo("rebuild");
            assertThat(rebuild.path("position").asLong()).as(model.toString()).isEqualTo(head);
            assertThat(model.path("state").asText()).as(model.toString()).isEqualTo("running");
        }
        assertThat(api.get("/api/workshops?ordering=slug&archived=false").body()).isEqualTo(workshops);
        assertThat(api.get("/api/tags?include_retired=true").body()).isEqualTo(tags);
        assertThat(api.get("/api/v1/export/badges.yaml").body()).isEqualTo(awards);
        api.post("/api/tags", Fixtures.tag("after-one-pass"));
        assertThat(api.get("/api/tags/after-one-pass").status()).isEqualTo(200);
    }

    @Test
    void aVerificationPassFindsTheOneDamagedModelAndChangesNothing() {
        assertThat(jdbc.update("UPDATE role_view SET name = 'damaged' WHERE name = 'instructor'")).isOne();
        try {
            List<RebuildProgress> verified = readModels.runAllNow(true, Duration.ofMinutes(2));
            for (RebuildProgress result : verified) {
                assertThat(result.state()).as(result.readModel() + ": " + result.error()).isEqualTo("done");
                assertThat(result.mode()).isEqualTo("verify");
                if (result.readModel().equals("roles")) {
                    assertThat(result.differences()).anyMatch(d -> d.contains("live-only") && d.contains("damaged"))
                            .anyMatch(d -> d.contains("rebuilt-only") && d.contains("instructor"));
                } else {
                    assertThat(result.differences()).as(result.readModel()).isEmpty();
                }
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM role_view WHERE name = 'damaged'", Long.class))
                    .isOne();
        } finally {
            jdbc.update("UPDATE role_view SET name = 'instructor' WHERE name = 'damaged'");
        }
    }

    @Test
    void aModelThatFailsInThePassStopsAloneAndTheOthersSwitchIn() {
        assertThat(jdbc.update("UPDATE workshop_view SET slug = 'damaged'")).isPositive();
        // Every row the tags twin is given is refused: the tags rebuild fails on its first batch.
        jdbc.update("ALTER TABLE tag_view_rebuild ADD CONSTRAINT refuse_all CHECK (false) NOT VALID");
        try {
            List<RebuildProgress> rebuilt = readModels.runAllNow(false, Duration.ofMinutes(2));
            for (RebuildProgress result : rebuilt) {
                if (result.readModel().equals("tags")) {
                    assertThat(result.state()).isEqualTo("failed");
                    assertThat(result.error()).contains("refuse_all");
                } else {
                    assertThat(result.state()).as(result.readModel() + ": " + result.error()).isEqualTo("done");
                }
            }
        } finally {
            jdbc.update("ALTER TABLE tag_view_rebuild DROP CONSTRAINT refuse_all");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workshop_view WHERE slug = 'damaged'", Long.class))
                .isZero();
        assertThat(api.get("/api/tags/SWC").status()).isEqualTo(200);
        for (var model : api.get("/api/admin/read-models").json()) {
            assertThat(model.path("state").asText()).as(model.toString()).isEqualTo("running");
        }
    }

    @Test
    void anAuditRebuildBuildsItsEntriesIndexesAtTheHeadAndMakesUpForOnesACrashLeftOut() {
        String definitions = """
                SELECT regexp_replace(indexdef, ' INDEX \\S+ ON (\\S+\\.)?\\S+ ', ' INDEX ON ') FROM pg_indexes
                WHERE schemaname = current_schema() AND tablename = ? ORDER BY 1""";
        List<String> live = jdbc.queryForList(definitions, String.class, "audit_entry");
        List<String> names = jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entry' "
                + "ORDER BY 1", String.class);
        String log = api.get("/api/audit?limit=100").body();
        assertThat(log).contains("TagCreated");
        // A rebuild that died after dropping the twin's secondary indexes (the app stopped, say) left it without.
        for (String index : jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = "
                + "'audit_entry_rebuild' AND indexdef NOT LIKE '%UNIQUE%'", String.class)) {
            jdbc.update("DROP INDEX " + index);
        }
        assertThat(jdbc.queryForList(definitions, String.class, "audit_entry_rebuild")).hasSize(1);

        RebuildProgress rebuilt = readModels.runNow("audit", false, Duration.ofMinutes(2));
        assertThat(rebuilt.state()).as(String.valueOf(rebuilt.error())).isEqualTo("done");
        assertThat(jdbc.queryForList(definitions, String.class, "audit_entry")).isEqualTo(live);
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entry' ORDER BY 1",
                String.class)).isEqualTo(names);
        assertThat(api.get("/api/audit?limit=100").body()).isEqualTo(log);
        // And a rebuild from a whole twin leaves a whole twin: the indexes it dropped come back under their names.
        List<String> twinNames = jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = "
                + "'audit_entry_rebuild' ORDER BY 1", String.class);
        assertThat(readModels.runNow("audit", false, Duration.ofMinutes(2)).state()).isEqualTo("done");
        assertThat(jdbc.queryForList(definitions, String.class, "audit_entry")).isEqualTo(live);
        assertThat(jdbc.queryForList(definitions, String.class, "audit_entry_rebuild")).isEqualTo(live);
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entry' ORDER BY 1",
                String.class)).isEqualTo(names);
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entry_rebuild' "
                + "ORDER BY 1", String.class)).hasSameSizeAs(twinNames);
    }

    @Test
    void rebuiltTablesComeWithTheirStatistics() {
        // Without them the planner takes a rebuilt table for empty (or for what it held when autovacuum looked) and
        // may plan a join over it as a loop of scans.
        assertThat(readModels.runAllNow(false, Duration.ofMinutes(2))).extracting(RebuildProgress::state)
                .containsOnly("done");
        for (ReadModel model : models) {
            for (String table : model.tables()) {
                Double estimated = jdbc.queryForObject("SELECT reltuples::float8 FROM pg_class WHERE oid = ?::regclass",
                        Double.class, table);
                Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
                assertThat(estimated).as(table).isEqualTo(rows.doubleValue());
            }
        }
    }

    @Test
    void aPassIsRefusedWhileAModelIsBeingRebuiltAndStartsNothing() throws Exception {
        String workshopsBefore = String.valueOf(readModels.progress("workshops").map(RebuildProgress::startedAt)
                .orElse(null));
        // Hold the tags twin: its rebuild waits at its first statement, so it is running for as long as we like.
        try (java.sql.Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE tag_view_rebuild IN ACCESS EXCLUSIVE MODE");
            assertThat(api.post("/api/admin/read-models/tags/rebuilds", null).status()).isEqualTo(202);
            Api.Response refused = api.post("/api/admin/read-models/rebuilds", null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().path("code").asText()).isEqualTo("rebuild-running");
            assertThat(refused.json().path("detail").asText()).contains("tags");
            assertThat(api.post("/api/admin/read-models/verifications", null).status()).isEqualTo(409);
            assertThat(String.valueOf(readModels.progress("workshops").map(RebuildProgress::startedAt).orElse(null)))
                    .isEqualTo(workshopsBefore);
            holder.rollback();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).until(() ->
                api.get("/api/admin/read-models/tags/rebuilds/latest").json().path("state").asText().equals("done"));
        assertThat(anonymous.post("/api/admin/read-models/rebuilds", null).status()).isEqualTo(401);
    }

    private com.fasterxml.jackson.databind.JsonNode awaitPass(String startedAt) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
            for (var model : api.get("/api/admin/read-models").json()) {
                var rebuild = model.path("last_rebuild");
                if (!rebuild.path("started_at").asText().equals(startedAt)
                        || rebuild.path("state").asText().equals("running")
                        || model.path("state").asText().equals("rebuilding")) {
                    return false;
                }
            }
            return true;
        });
        return api.get("/api/admin/read-models").json();
    }

    private void replayInto(AnnotationEventHandlerAdapter handler, TransactionTemplate tx) {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            List<TrackedEventMessage<?>> all = new ArrayList<>();
            while (stream.hasNextAvailable()) {
                all.add(stream.nextAvailable());
            }
            tx.executeWithoutResult(s -> all.forEach(m -> {
                try {
                    DefaultUnitOfWork.startAndGet(m).executeWithResult(() -> handler.handle(m));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<List<Map<String, Object>>> snapshot(ReadModel model) {
        List<List<Map<String, Object>>> tables = new ArrayList<>();
        for (String table : model.tables()) {
            tables.add(jdbc.queryForList("SELECT t::text AS row FROM " + table + "_rebuild t ORDER BY 1"));
        }
        return tables;
    }
}
