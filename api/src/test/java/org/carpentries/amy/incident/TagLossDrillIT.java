package org.carpentries.amy.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;

/**
 * The drill of docs/auditing.md, end to end over HTTP: the DC tag withdrawn from every workshop (the nearest this
 * design comes to the 2016 loss), found with one audit query, shown as the websites saw it with as_of, and brought
 * back with one dry run and one restore, after which the DC export is byte for byte what it was.
 */
class TagLossDrillIT extends FreshDatabaseIT {

    private static final String HOST = "drill.example.org";

    @Test
    void theLostDcLinksAreFoundSeenAsTheyWereAndRestoredInTwoRequests() {
        // 1. Workshops tagged DC, SWC and LC, and the DC export the websites fetched.
        api.post("/api/organisations", Fixtures.organisation(HOST));
        for (String tag : List.of("SWC", "DC", "LC")) {
            assertThat(api.post("/api/tags", Fixtures.tag(tag)).status()).isEqualTo(201);
        }
        Map<String, List<String>> workshops = new LinkedHashMap<>();
        workshops.put("2016-03-01-dc-swc", List.of("DC", "SWC"));
        workshops.put("2016-03-02-dc-lc", List.of("DC", "LC"));
        workshops.put("2016-03-03-all", List.of("SWC", "DC", "LC"));
        workshops.put("2016-03-04-swc", List.of("SWC"));
        workshops.put("2016-03-05-lc", List.of("LC"));
        workshops.put("2016-03-06-dc-swc", List.of("SWC", "DC"));
        int day = 1;
        for (var w : workshops.entrySet()) {
            Api.Response created = api.post("/api/workshops", Fixtures.publishedWorkshop(w.getKey(), HOST,
                    "2016-02-%02d".formatted(day++), w.getValue()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        Set<String> dcWorkshops = new TreeSet<>(workshops.entrySet().stream()
                .filter(w -> w.getValue().contains("DC")).map(Map.Entry::getKey).toList());
        Api.Response kept = anonymous.get("/api/v1/events/published.yaml?tag=DC");
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.body()).contains(dcWorkshops);
        Instant beforeTheLoss = Instant.now();

        // 2. Someone withdraws DC: retired, and unassigned from every workshop, in one request.
        Api.Response loss = api.with("X-Request-Id", "drill-loss").with("X-Change-Reason", "tidying up tags")
                .post("/api/tags/DC/withdrawals", null);
        assertThat(loss.status()).as(loss.body()).isEqualTo(200);
        Api.Response websitesSaw = anonymous.get("/api/v1/events/published.yaml?tag=DC");
        assertThat(websitesSaw.body()).doesNotContain("slug:");
        Instant insideTheWindow = Instant.now();

        // 3. One audit query for the half-hour window, asked in the auditor's own time zone.
        String from = beforeTheLoss.atOffset(ZoneOffset.ofHours(2)).toString();
        String to = beforeTheLoss.plus(Duration.ofMinutes(30)).atOffset(ZoneOffset.ofHours(2)).toString();
        Api.Response audit = api.get("/api/audit?from=" + encode(from) + "&to=" + encode(to) + "&order=oldest");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        JsonNode entries = audit.json().path("entries");
        assertThat(entries.findValuesAsText("actor_name")).containsOnly(Api.ADMIN);
        assertThat(entries.findValuesAsText("request_id")).containsOnly("drill-loss");
        assertThat(entries.findValuesAsText("reason")).containsOnly("tidying up tags");
        assertThat(entries.findValuesAsText("time")).allMatch(t -> t.endsWith("Z"));
        List<String> unassigned = new ArrayList<>();
        for (JsonNode e : entries) {
            if (e.path("event_type").asText().equals("TagUnassignedFromWorkshop")) {
                unassigned.add(e.path("record").path("label").asText());
            }
        }
        assertThat(unassigned).containsExactlyInAnyOrderElementsOf(dcWorkshops);
        assertThat(entries.findValuesAsText("event_type")).contains("TagRetired");
        Api.Response csv = api.get("/api/audit.csv?from=" + encode(from) + "&to=" + encode(to));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("drill-loss").contains(dcWorkshops);

        // 5. (before restoring, so "now" is still the loss) the export as the websites saw it inside the window.
        Api.Response asSeen = anonymous.get("/api/v1/events/published.yaml?tag=DC&as_of="
                + encode(insideTheWindow.toString()));
        assertThat(asSeen.status()).as(asSeen.body()).isEqualTo(200);
        assertThat(asSeen.body()).isEqualTo(websitesSaw.body());
        Api.Response asKept = anonymous.get("/api/v1/events/published.yaml?tag=DC&as_of="
                + encode(beforeTheLoss.toString()));
        assertThat(asKept.body()).isEqualTo(kept.body());

        // 4. A dry run lists exactly the missing links; applying it brings the export back byte for byte.
        Map<String, Object> restore = Map.of("target", Map.of("type", "tag-links", "key", "DC"),
                "as_of", beforeTheLoss.toString(), "dry_run", true);
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        Api.Response dryRun = api.post("/api/restores", restore);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(eventsBefore);
        List<String> relinked = new ArrayList<>();
        for (JsonNode c : dryRun.json().path("commands")) {
            if (c.path("type").asText().equals("AssignTagToWorkshop")) {
                relinked.add(c.path("record").path("label").asText());
            }
        }
        assertThat(relinked).containsExactlyInAnyOrderElementsOf(dcWorkshops);
        assertThat(dryRun.json().path("commands").findValuesAsText("type")).contains("ReinstateTag");

        Map<String, Object> apply = new LinkedHashMap<>(restore);
        apply.put("dry_run", false);
        Api.Response applied = api.with("X-Change-Reason", "restore DC after the drill").post("/api/restores", apply);
        assertThat(applied.status()).as(applied.body()).isBetween(200, 201);
        Api.Response after = anonymous.get("/api/v1/events/published.yaml?tag=DC");
        assertThat(after.body()).isEqualTo(kept.body());
        assertThat(api.get("/api/tags/DC").json().path("retired").asBoolean()).isFalse();
        JsonNode history = api.get("/api/workshops/2016-03-01-dc-swc/history").json();
        JsonNode relink = history.get(history.size() - 1);
        assertThat(relink.path("type").asText()).isEqualTo("TagAssignedToWorkshop");
        assertThat(relink.path("reason").asText()).isEqualTo("restore DC after the drill");
        assertThat(Instant.parse(relink.path("restored_as_of").asText())).isEqualTo(beforeTheLoss);
        JsonNode restoreEntries = api.get("/api/audit?record_type=workshop&event_type=TagAssignedToWorkshop&from="
                + encode(insideTheWindow.toString())).json().path("entries");
        assertThat(restoreEntries).isNotEmpty();
        for (JsonNode e : restoreEntries) {
            // The log keeps instants as PostgreSQL does, to the microsecond.
            assertThat(Instant.parse(e.path("restored_as_of").asText()))
                    .isEqualTo(beforeTheLoss.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
