package org.carpentries.amy.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;

/**
 * The April 2016 incident, end to end over HTTP: merging A (DC, LC) with B (SWC), base A, tags from B, deleted the
 * DC tag and every link to it in AMY v1.5.1. Here A ends with exactly SWC, every tag still exists, every other
 * workshop keeps exactly its tags, and the DC export is byte for byte what it was, minus A.
 */
class DcTagIncidentIT extends FreshDatabaseIT {

    private static final String HOST = "gatech.edu";

    @Test
    void mergingWithTagsFromBChangesOnlyTheSurvivorsLinks() {
        api.post("/api/organisations", Fixtures.organisation(HOST));
        for (String tag : List.of("SWC", "DC", "LC")) {
            assertThat(api.post("/api/tags", Fixtures.tag(tag)).status()).isEqualTo(201);
        }
        Map<String, List<String>> workshops = Map.of(
                "2016-05-06-RDAP16-Atlanta", List.of("DC", "LC"),
                "2016-05-06-asist", List.of("SWC"),
                "2016-03-01-dc-only", List.of("DC"),
                "2016-03-02-dc-swc", List.of("DC", "SWC"),
                "2016-03-03-dc-lc", List.of("DC", "LC"),
                "2016-03-04-lc", List.of("LC"),
                "2016-03-05-all", List.of("SWC", "DC", "LC"),
                "2016-03-06-swc", List.of("SWC"));
        int day = 1;
        for (var w : workshops.entrySet()) {
            String start = w.getKey().startsWith("2016-05-06") ? "2016-05-06" : "2016-02-" + String.format("%02d",
                    day++);
            Api.Response r = api.post("/api/workshops", Fixtures.publishedWorkshop(w.getKey(), HOST, start,
                    w.getValue()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        byte[] dcBefore = anonymous.get("/api/v1/events/published.yaml?tag=DC").bytes();

        Api.Response merge = api.post("/api/workshops/merges", Map.of(
                "workshop_a", "2016-05-06-RDAP16-Atlanta", "workshop_b", "2016-05-06-asist",
                "strategy", Map.of("id", "a", "tags", "b")));
        assertThat(merge.status()).as(merge.body()).isEqualTo(200);
        assertThat(merge.json().path("events").findValuesAsText("type")).containsExactly("WorkshopsMerged",
                "TagUnassignedFromWorkshop", "TagUnassignedFromWorkshop", "TagAssignedToWorkshop",
                "WorkshopMergedInto");

        assertThat(tags("2016-05-06-RDAP16-Atlanta")).containsExactly("SWC");
        assertThat(api.get("/api/tags?include_retired=true").json().findValuesAsText("name"))
                .containsExactly("SWC", "DC", "LC");
        for (var w : workshops.entrySet()) {
            if (!w.getKey().startsWith("2016-05-06")) {
                assertThat(tags(w.getKey())).as(w.getKey()).isEqualTo(new TreeSet<>(w.getValue()));
            }
        }
        JsonNode absorbed = api.get("/api/workshops/2016-05-06-asist").json();
        assertThat(absorbed.path("archived").asBoolean()).isTrue();

        String dcAfter = anonymous.get("/api/v1/events/published.yaml?tag=DC").body();
        assertThat(dcAfter).isEqualTo(withoutItem(new String(dcBefore, java.nio.charset.StandardCharsets.UTF_8),
                "2016-05-06-RDAP16-Atlanta"));
        assertThat(dcAfter).doesNotContain("2016-05-06-RDAP16-Atlanta").contains("2016-03-01-dc-only",
                "2016-03-02-dc-swc", "2016-03-03-dc-lc", "2016-03-05-all");
    }

    private Set<String> tags(String slug) {
        return new TreeSet<>(api.get("/api/workshops/" + slug).json().path("tags").findValuesAsText("name"));
    }

    /** The YAML document without the list item whose slug is {@code slug}. */
    private static String withoutItem(String yaml, String slug) {
        StringBuilder out = new StringBuilder();
        for (String item : yaml.split("(?m)^(?=- )")) {
            if (!item.contains("\n  slug: " + slug + "\n")) {
                out.append(item);
            }
        }
        return out.toString();
    }
}
