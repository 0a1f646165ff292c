package org.carpentries.amy.api.persons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;

class AwardAndTaskHistoryIT extends AmyIT {

    private String person() {
        Api.Response r = api.post("/api/persons", Map.of("personal", "Nym", "family", unique("Tonks")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("username").asText();
    }

    private String workshop() {
        String host = unique("history") + ".org";
        String tag = unique("H");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(tag));
        String slug = unique("2021-05-05-h");
        Api.Response w = api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2021-05-05", List.of(tag)));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        return slug;
    }

    private static JsonNode change(JsonNode entry, String field) {
        for (JsonNode c : entry.path("changes")) {
            if (c.path("field").asText().equals(field)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void anAwardsHistoryListsOnlyItsOwnEventsWithItsDetailsBeforeAndAfter() {
        String badge = unique("hb");
        String other = unique("ob");
        api.post("/api/badges", Map.of("name", badge, "title", "History badge", "criteria", "tests"));
        api.post("/api/badges", Map.of("name", other, "title", "Other badge", "criteria", "tests"));
        String who = person();
        String giver = person();
        String slug = workshop();
        api.put("/api/persons/" + who + "/awards/" + other, null);
        api.put("/api/persons/" + who + "/awards/" + badge, Map.of("awarded", "2016-04-06"));
        api.with("X-Change-Reason", "given by mistake").delete("/api/persons/" + who + "/awards/" + badge);
        api.put("/api/persons/" + who + "/awards/" + badge, Map.of("awarded", "2017-01-02", "workshop", slug,
                "awarded_by", giver));

        Api.Response response = api.get("/api/persons/" + who + "/awards/" + badge + "/history");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode history = response.json();
        assertThat(history.findValuesAsText("type")).containsExactly("BadgeAwarded", "AwardRevoked", "BadgeAwarded");
        assertThat(change(history.get(0), "held").path("new_value").asBoolean()).isTrue();
        assertThat(change(history.get(0), "awarded").path("new_value").asText()).isEqualTo("2016-04-06");
        assertThat(change(history.get(1), "held").path("new_value").asBoolean()).isFalse();
        assertThat(change(history.get(1), "awarded").path("old_value").asText()).isEqualTo("2016-04-06");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("given by mistake");
        JsonNode again = history.get(2);
        assertThat(change(again, "held").path("old_value").asBoolean()).isFalse();
        assertThat(change(again, "awarded").path("new_value").asText()).isEqualTo("2017-01-02");
        assertThat(change(again, "workshop").path("new_value").asText())
                .isEqualTo(api.get("/api/workshops/" + slug).json().path("id").asText());
        assertThat(change(again, "awarded_by").path("new_value").asText())
                .isEqualTo(api.get("/api/persons/" + giver).json().path("id").asText());

        assertThat(api.get("/api/persons/" + giver + "/awards/" + badge + "/history").json()).isEmpty();
        assertThat(api.get("/api/persons/" + who + "/awards/no-such-badge/history").code())
                .isEqualTo("badge-not-found");
        assertThat(api.get("/api/persons/nobody-at-all/awards/" + badge + "/history").code())
                .isEqualTo("person-not-found");
        assertThat(anonymous.get("/api/persons/" + who + "/awards/" + badge + "/history").status()).isEqualTo(401);
    }

    @Test
    void aTasksHistoryListsItsAddsAndRemovalsAndThePersonListsTheirTasks() {
        String role = unique("mentor");
        api.post("/api/roles", Map.of("name", role));
        String who = person();
        String slug = workshop();
        String path = "/api/workshops/" + slug + "/tasks/" + who + "/" + role;
        api.put(path, null);
        api.delete(path);
        api.with("X-Change-Reason", "back after all").put(path, null);

        JsonNode history = api.get(path + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("TaskAdded", "TaskRemoved", "TaskAdded");
        assertThat(change(history.get(1), "held").path("old_value").asBoolean()).isTrue();
        assertThat(change(history.get(1), "held").path("new_value").asBoolean()).isFalse();
        assertThat(history.get(2).path("reason").asText()).isEqualTo("back after all");

        JsonNode tasks = api.get("/api/persons/" + who + "/tasks").json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("slug").asText()).isEqualTo(slug);
        assertThat(tasks.get(0).path("role").asText()).isEqualTo(role);
        assertThat(tasks.get(0).path("start").asText()).isEqualTo("2021-05-05");
        assertThat(tasks.get(0).path("archived").asBoolean()).isFalse();

        assertThat(api.get("/api/workshops/" + slug + "/tasks/" + who + "/no-such-role/history").code())
                .isEqualTo("role-not-found");
        assertThat(api.get("/api/workshops/" + slug + "/tasks/nobody-at-all/" + role + "/history").code())
                .isEqualTo("person-not-found");
        assertThat(api.get("/api/workshops/no-such-workshop/tasks/" + who + "/" + role + "/history").code())
                .isEqualTo("workshop-not-found");
        assertThat(api.get("/api/persons/nobody-at-all/tasks").code()).isEqualTo("person-not-found");
    }
}
