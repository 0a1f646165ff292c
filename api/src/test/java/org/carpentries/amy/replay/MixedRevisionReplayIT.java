package org.carpentries.amy.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A store holding revision 1 of WorkshopLocationChanged (rows as the code before revision 2 wrote them) beside
 * revision 2 rebuilds every read model to the same rows as the same facts stored as revision 2 only, and the
 * workshops' aggregates and histories read the old rows as the new revision.
 */
class MixedRevisionReplayIT extends FreshDatabaseIT {

    private static final String TYPE = WorkshopLocationChanged.class.getName();

    @Autowired
    ReadModels readModels;
    @Autowired
    List<ReadModel> models;
    @Autowired
    Cache aggregateCache;

    @Test
    void revisionOneRowsReplayToTheSameReadModelsAsRevisionTwo() throws Exception {
        api.post("/api/organisations", Fixtures.organisation("esu.edu"));
        api.post("/api/tags", Fixtures.tag("DC"));
        for (int i = 1; i <= 4; i++) {
            Api.Response created = api.post("/api/workshops", Fixtures.publishedWorkshop("2016-0" + i + "-01-w" + i,
                    "esu.edu", "2016-0" + i + "-01", List.of("DC")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        edit("2016-01-01-w1", Map.of("country", "W3"));
        edit("2016-02-01-w2", Map.of("latitude", 51.5, "longitude", -0.12));
        edit("2016-03-01-w3", Map.of("address", "2 Campus Drive"));
        edit("2016-04-01-w4", Map.of("venue", "Elsewhere"));
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT global_index, payload FROM domain_event_entry "
                + "WHERE payload_type = ? ORDER BY global_index", TYPE);
        assertThat(rows).hasSize(4);
        Map<String, List<String>> onlyV2 = rebuildEverything();

        for (int i = 0; i < rows.size(); i += 2) {
            jdbc.update("UPDATE domain_event_entry SET payload = ?, payload_revision = '1' WHERE global_index = ?",
                    asRevisionOne((byte[]) rows.get(i).get("payload")), rows.get(i).get("global_index"));
        }
        assertThat(jdbc.queryForList("SELECT DISTINCT payload_revision FROM domain_event_entry WHERE payload_type = ? "
                + "ORDER BY 1", String.class, TYPE)).containsExactly("1", "2");
        Map<String, List<String>> mixed = rebuildEverything();

        assertThat(mixed).isEqualTo(onlyV2);
        assertThat(mixed.get("workshop_view")).anyMatch(r -> r.contains("2 Campus Drive"));

        JsonNode history = api.get("/api/workshops/2016-03-01-w3/history").json();
        assertThat(history.toString()).contains("2 Campus Drive");
        aggregateCache.removeAll();
        long events = eventCount();
        edit("2016-03-01-w3", Map.of("address", "2 Campus Drive"));
        assertThat(eventCount()).as("the aggregate read revision 1 as the same location: nothing to change")
                .isEqualTo(events);
        edit("2016-03-01-w3", Map.of("venue", "Hall"));
        JsonNode w3 = api.get("/api/workshops/2016-03-01-w3").json();
        assertThat(w3.path("venue").asText()).isEqualTo("Hall");
        assertThat(w3.path("address").asText()).isEqualTo("2 Campus Drive");
    }

    private void edit(String slug, Map<String, Object> changes) {
        String etag = api.get("/api/workshops/" + slug).header("ETag");
        Api.Response edited = api.patch("/api/workshops/" + slug, changes, "If-Match", etag);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    }

    /** The row the code before revision 2 wrote for the same event: the location's fields beside the id. */
    private static byte[] asRevisionOne(byte[] v2) throws Exception {
        JsonNode current = Api.JSON.readTree(v2);
        ObjectNode v1 = Api.JSON.createObjectNode();
        v1.set("workshopId", current.get("workshopId"));
        current.get("location").properties().forEach(e -> v1.set(e.getKey(), e.getValue()));
        return Api.JSON.writeValueAsString(v1).getBytes(StandardCharsets.UTF_8);
    }

    /** Every read model rebuilt from the store; answers each table's rows as text, sorted. */
    private Map<String, List<String>> rebuildEverything() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (ReadModel model : models) {
            assertThat(readModels.runNow(model.name(), false, Duration.ofMinutes(2)).state()).as(model.name())
                    .isEqualTo("done");
            for (String table : model.tables()) {
                tables.put(table, jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY 1", String.class));
            }
        }
        return tables;
    }

    private long eventCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }
}
