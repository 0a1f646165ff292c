package org.carpentries.amy.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.carpentries.amy.query.audit.AuditProjection;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.query.replay.RebuildProgress;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log over HTTP: entries of every record with old and new values, filters, pages, CSV and bad input. */
class AuditLogIT extends AmyIT {

    @Autowired
    AuditProjection projection;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ReadModels readModels;

    /** A host, two tags and a workshop carrying both; answers the workshop's slug, tag names, id and host. */
    private Workshop workshop() {
        String host = unique("audit") + ".org";
        api.post("/api/organisations", Fixtures.organisation(host));
        String dc = unique("DC");
        String lc = unique("LC");
        api.post("/api/tags", Fixtures.tag(dc));
        api.post("/api/tags", Fixtures.tag(lc));
        String slug = "2016-05-06-" + unique("w");
        Api.Response created = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2016-05-06",
                List.of(dc, lc)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Workshop(slug, dc, lc, api.get("/api/workshops/" + slug).json().path("id").asText(), host);
    }

    private record Workshop(String slug, String dc, String lc, String id, String host) {
    }

    private JsonNode entries(String query) {
        Api.Response r = api.get("/api/audit?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("entries");
    }

    @Test
    void unassigningATagIsOneEntryNamingTheActorTheRequestTheWorkshopAndTheTagsBeforeAndAfter() {
        Workshop w = workshop();
        String request = unique("req");
        Api.Response removed = api.delete("/api/workshops/" + w.slug() + "/tags/" + w.dc(), "X-Request-Id", request,
                "X-Change-Reason", "DC is retired");
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);

        // No waiting: the write answered once every read model, the audit log included, had its event.
        JsonNode entries = entries("request_id=" + request);
        assertThat(entries).hasSize(1);
        JsonNode e = entries.get(0);
        assertThat(e.path("event_type").asText()).isEqualTo("TagUnassignedFromWorkshop");
        assertThat(e.path("actor_name").asText()).isEqualTo(Api.ADMIN);
        assertThat(e.path("actor").asText()).isNotBlank();
        assertThat(e.path("record").path("type").asText()).isEqualTo("workshop");
        assertThat(e.path("record").path("id").asText()).isEqualTo(w.id());
        assertThat(e.path("record").path("label").asText()).isEqualTo(w.slug());
        assertThat(e.path("time").asText()).endsWith("Z");
        assertThat(e.path("request_id").asText()).isEqualTo(request);
        assertThat(e.path("correlation_id").asText()).isNotBlank();
        assertThat(e.path("reason").asText()).isEqualTo("DC is retired");
        assertThat(e.path("summary").asText()).isEqualTo("Workshop " + w.slug() + ": tag unassigned (tags: −"
                + w.dc() + ")");
        JsonNode change = e.path("changes").get(0);
        assertThat(change.path("field").asText()).isEqualTo("tags");
        assertThat(texts(change.path("old"))).containsExactlyInAnyOrder(w.dc(), w.lc());
        assertThat(texts(change.path("new"))).containsExactly(w.lc());
        assertThat(e.path("changes")).hasSize(1);

        assertThat(entries("actor=" + Api.ADMIN + "&request_id=" + request)).hasSize(1);
        assertThat(entries("actor=" + e.path("actor").asText() + "&request_id=" + request)).hasSize(1);
        assertThat(entries("actor=someone-else&request_id=" + request)).isEmpty();
        assertThat(entries("event_type=TagAssignedToWorkshop&request_id=" + request)).isEmpty();
        assertThat(entries("record_type=tag&request_id=" + request)).isEmpty();
        assertThat(entries("record_type=workshop&event_type=TagUnassignedFromWorkshop&record_id=" + w.id()))
                .hasSize(1);
    }

    @Test
    void oneQueryForAWindowNamesTheActorTheRequestAndEveryWorkshopATagWasWithdrawnFrom() {
        Workshop a = workshop();
        String slugB = "2016-05-07-" + unique("w");
        assertThat(api.post("/api/workshops", Fixtures.publishedWorkshop(slugB, a.host(), "2016-05-07",
                List.of(a.dc(), a.lc()))).status()).isEqualTo(201);
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String request = unique("withdraw");
        Api.Response withdrawn = api.post("/api/tags/" + a.dc() + "/withdrawals", null, "X-Request-Id", request,
                "X-Change-Reason", "DC is retired");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        String window = "from=" + encode(before.atOffset(ZoneOffset.ofHours(2)).toString()) + "&to="
                + encode(before.plusSeconds(1800).atOffset(ZoneOffset.ofHours(2)).toString());
        List<JsonNode> entries = list(entries(window + "&request_id=" + request + "&order=oldest"));
        assertThat(entries).extracting(e -> e.path("event_type").asText())
                .containsExactly("TagUnassignedFromWorkshop", "TagUnassignedFromWorkshop", "TagRetired");
        assertThat(entries.subList(0, 2)).extracting(e -> e.path("record").path("label").asText())
                .containsExactlyInAnyOrder(a.slug(), slugB);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("actor_name").asText()).isEqualTo(Api.ADMIN);
            assertThat(e.path("reason").asText()).isEqualTo("DC is retired");
        });
        assertThat(entries.get(2).path("record").path("label").asText()).isEqualTo(a.dc());
        assertThat(list(entries(window + "&event_type=TagUnassignedFromWorkshop"))).extracting(e -> e.path(
                "request_id").asText()).containsOnly(request);
    }

    @Test
    void anAuditorReadsTheLog() {
        Api auditor = newAuditor();
        assertThat(auditor.get("/api/audit?limit=1").status()).isEqualTo(200);
        assertThat(auditor.get("/api/audit.csv?limit=1").status()).isEqualTo(200);
    }

    @Test
    void everyKindOfRecordIsLoggedWithItsLabel() {
        Workshop w = workshop();
        String tagId = api.get("/api/tags/" + w.dc()).json().path("id").asText();
        JsonNode tag = entries("record_id=" + tagId);
        assertThat(tag).hasSize(1);
        assertThat(tag.get(0).path("event_type").asText()).isEqualTo("TagCreated");
        assertThat(tag.get(0).path("record").path("type").asText()).isEqualTo("tag");
        assertThat(tag.get(0).path("record").path("label").asText()).isEqualTo(w.dc());
        String role = unique("role");
        String roleId = api.post("/api/roles", Map.of("name", role)).json().path("id").asText();
        api.patch("/api/roles/" + roleId, Map.of("name", role + "-x"), "If-Match", "\"0\"");
        JsonNode renamed = entries("record_id=" + roleId).get(0);
        assertThat(renamed.path("event_type").asText()).isEqualTo("RoleRenamed");
        assertThat(renamed.path("record").path("label").asText()).isEqualTo(role + "-x");
        assertThat(renamed.path("changes").get(0).path("old").asText()).isEqualTo(role);
        String domain = unique("kd");
        String domainId = api.post("/api/knowledge-domains", Map.of("name", domain)).json().path("id").asText();
        assertThat(entries("record_type=knowledge_domain&record_id=" + domainId)).hasSize(1);
        // The workshop's first entry shows the host and tags by name, as they were then.
        JsonNode scheduled = entries("order=oldest&record_id=" + w.id()).get(0);
        assertThat(scheduled.path("event_type").asText()).isEqualTo("WorkshopScheduled");
        assertThat(scheduled.toString()).contains(w.slug());
    }

    @Test
    void aWindowWithOffsetsSelectsByInstantAndAnswersInUtc() {
        Workshop w = workshop();
        List<JsonNode> all = list(entries("order=oldest&record_id=" + w.id()));
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        Instant second = Instant.parse(all.get(1).path("time").asText());
        String from = second.atOffset(ZoneOffset.ofHours(2)).toString();
        String to = second.plusNanos(1000).atOffset(ZoneOffset.ofHours(-5)).toString();
        assertThat(from).contains("+02:00");
        List<JsonNode> window = list(entries("order=oldest&record_id=" + w.id() + "&from=" + encode(from) + "&to="
                + encode(to)));
        assertThat(window).isNotEmpty().allSatisfy(e -> assertThat(Instant.parse(e.path("time").asText()))
                .isEqualTo(second));
        // One command's events share their time: the window holds exactly those.
        assertThat(positions(window)).isEqualTo(positions(all.stream().filter(e -> Instant.parse(e.path("time")
                .asText()).equals(second)).toList()));
        assertThat(window.get(0).path("time").asText()).endsWith("Z");
        // A + sent unencoded arrives as a space; it can only have been the offset's sign.
        assertThat(list(entries("order=oldest&record_id=" + w.id() + "&from=" + from.replace("+", "%20") + "&to="
                + encode(to)))).isEqualTo(window);
        assertThat(entries("record_id=" + w.id() + "&from=" + encode(Instant.now().plusSeconds(60).toString())))
                .isEmpty();
    }

    @Test
    void keysetPagesCoverEveryEntryOnceInEitherOrder() {
        Workshop w = workshop();
        for (int i = 0; i < 3; i++) {
            api.delete("/api/workshops/" + w.slug() + "/tags/" + w.dc());
            api.put("/api/workshops/" + w.slug() + "/tags/" + w.dc(), null);
        }
        for (String order : List.of("newest", "oldest")) {
            List<Long> whole = positions(list(entries("order=" + order + "&record_id=" + w.id())));
            assertThat(whole).hasSizeGreaterThanOrEqualTo(9);
            List<Long> paged = new ArrayList<>();
            String query = "order=" + order + "&limit=2&record_id=" + w.id();
            String next = null;
            int pages = 0;
            do {
                Api.Response page = api.get("/api/audit?" + query + (next == null ? "" : "&after=" + next));
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                List<JsonNode> entries = list(page.json().path("entries"));
                assertThat(entries).hasSizeLessThanOrEqualTo(2);
                paged.addAll(positions(entries));
                next = page.json().path("next").isNull() ? null : page.json().path("next").asText();
                if (next != null) {
                    assertThat(page.header("Link")).contains("after=" + next).contains("rel=\"next\"");
                }
                pages++;
            } while (next != null && pages < 20);
            assertThat(paged).as(order).isEqualTo(whole);
            List<JsonNode> ordered = new ArrayList<>(list(entries("order=" + order + "&record_id=" + w.id())));
            java.util.Comparator<JsonNode> byTimeThenPosition = java.util.Comparator.<JsonNode, Instant>comparing(
                    e -> Instant.parse(e.path("time").asText())).thenComparing(e -> e.path("position").asLong());
            ordered.sort(order.equals("newest") ? byTimeThenPosition.reversed() : byTimeThenPosition);
            assertThat(positions(ordered)).isEqualTo(whole);
        }
    }

    @Test
    void csvHasAHeaderAndOneRfc4180LinePerEntry() {
        Workshop w = workshop();
        String request = unique("csv");
        api.delete("/api/workshops/" + w.slug() + "/tags/" + w.dc(), "X-Request-Id", request);
        Api.Response csv = api.get("/api/audit.csv?request_id=" + request);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("position,time,actor,actor_name,record_type,record_id,record_label,"
                + "event_type,summary,changes,request_id,correlation_id,causation_id,reason,restored_as_of");
        List<String> tags = new ArrayList<>(List.of(w.dc(), w.lc()));
        tags.sort(null);
        String old = "[\"\"" + String.join("\"\",\"\"", tags) + "\"\"]";
        assertThat(lines[1]).contains(",workshop," + w.id() + "," + w.slug() + ",TagUnassignedFromWorkshop,")
                .contains(",\"tags: " + old + " → [\"\"" + w.lc() + "\"\"]\"," + request + ",")
                .endsWith(",");
        assertThat(api.get("/api/audit?request_id=" + request, "Accept", "text/csv").body()).isEqualTo(csv.body());
    }

    @Test
    void personalValuesAreOpenedWhenReadAndReadAsErasedOnceThePersonIsErased() {
        String email = unique("hermione") + "@example.org";
        Api.Response created = api.post("/api/persons", Map.of("personal", "Hermione", "family", unique("Granger"),
                "email", email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        JsonNode registered = entries("record_id=" + id).get(0);
        assertThat(registered.path("event_type").asText()).isEqualTo("PersonRegistered");
        assertThat(registered.path("record").path("type").asText()).isEqualTo("person");
        assertThat(registered.path("changes").toString()).contains(email);
        assertThat(registered.path("summary").asText()).doesNotContain(email);
        Long plain = jdbc.queryForObject("SELECT count(*) FROM audit_entry e, audit_record r WHERE e.record_id = ? "
                + "AND r.id = ? AND (e.changes::text LIKE ? OR r.fields::text LIKE ?)", Long.class,
                java.util.UUID.fromString(id), java.util.UUID.fromString(id), "%" + email + "%", "%" + email + "%");
        assertThat(plain).isZero();

        assertThat(api.post("/api/persons/" + id + "/erasure", null).status()).isLessThan(300);
        List<JsonNode> after = list(entries("order=oldest&record_id=" + id));
        assertThat(after.get(after.size() - 1).path("event_type").asText()).isEqualTo("PersonErased");
        assertThat(after.toString()).doesNotContain(email);
        JsonNode emailChange = list(after.get(0).path("changes")).stream()
                .filter(c -> c.path("field").asText().equals("email")).findFirst().orElseThrow();
        assertThat(emailChange.path("new").asText()).isEqualTo("(erased)");
    }

    @Test
    void badInputIsA400WithAStableCodeAndNeverIgnored() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("colour=red", "unknown-parameter");
        cases.put("record_type=gizmo", "unknown-record-type");
        cases.put("event_type=WorkshopUpdated", "unknown-event-type");
        cases.put("order=sideways", "invalid-parameter");
        cases.put("limit=0", "invalid-parameter");
        cases.put("limit=1001", "invalid-parameter");
        cases.put("after=bm9wZQ", "invalid-cursor");
        cases.put("after=%25%25", "invalid-cursor");
        cases.put("record_id=2016-05-06-x", "invalid-parameter");
        cases.put("from=2016-04-06T19:05:00", "instant-without-offset");
        cases.put("to=2016-04-06", "invalid-parameter");
        cases.put("from=2016-04-06T19:05:00Z&to=2016-04-06T19:00:00Z", "invalid-window");
        cases.put("actor=", "invalid-parameter");
        cases.put("order=newest&order=oldest", "repeated-parameter");
        for (var c : cases.entrySet()) {
            for (String path : List.of("/api/audit?", "/api/audit.csv?")) {
                Api.Response r = api.get(path + c.getKey());
                assertThat(r.status()).as(path + c.getKey() + " " + r.body()).isEqualTo(400);
                assertThat(r.code()).as(path + c.getKey()).isEqualTo(c.getValue());
            }
        }
        assertThat(anonymous.get("/api/audit").status()).isEqualTo(401);
    }

    @Test
    void theSameEventTwiceChangesNothingAndAVerifiedReplayFindsTheSameRows() throws Exception {
        Workshop w = workshop();
        Long count = jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class);
        String state = jdbc.queryForObject("SELECT fields::text FROM audit_record WHERE id = ?", String.class,
                java.util.UUID.fromString(w.id()));
        long first = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE "
                + "aggregate_identifier = ?", Long.class, w.id());
        TrackedEventMessage<?> again;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(
                GapAwareTrackingToken.newInstance(first - 1, List.of()))) {
            again = stream.nextAvailable();
        }
        assertThat(again.trackingToken().position()).hasValue(first);
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            try {
                DefaultUnitOfWork.startAndGet(again).executeWithResult(() -> handler.handle(again));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class)).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT fields::text FROM audit_record WHERE id = ?", String.class,
                java.util.UUID.fromString(w.id()))).isEqualTo(state);

        RebuildProgress verified = readModels.runNow(AuditProjection.NAME, true, Duration.ofMinutes(2));
        assertThat(verified.state()).as(String.valueOf(verified.error())).isEqualTo("done");
        assertThat(verified.eventsReplayed()).isPositive();
        assertThat(verified.differences()).isEmpty();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<Long> positions(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("position").asLong()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
