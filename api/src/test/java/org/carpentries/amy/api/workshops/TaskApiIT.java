package org.carpentries.amy.api.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskApiIT extends AmyIT {

    private String host;
    private String tag;
    private String helper;

    @BeforeEach
    void referenceData() {
        host = unique("tasks") + ".org";
        tag = unique("T");
        helper = unique("helper");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(tag));
        if (api.get("/api/roles/learner").status() == 404) {
            api.post("/api/roles", Map.of("name", "learner"));
        }
        assertThat(api.post("/api/roles", Map.of("name", helper)).status()).isEqualTo(201);
    }

    private String person(String personal) {
        Api.Response r = api.post("/api/persons", Map.of("personal", personal, "family", unique("Family")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("username").asText();
    }

    @Test
    void learnersRaiseAttendanceAndTasksAreUnique() {
        String slug = unique("w");
        api.post("/api/workshops", Fixtures.publishedWorkshop(slug, host, "2020-01-01", List.of(tag)));
        String ann = person("Ann");
        String bob = person("Bob");
        assertThat(api.put("/api/workshops/" + slug + "/tasks/" + ann + "/learner", null).status()).isEqualTo(204);
        assertThat(api.put("/api/workshops/" + slug + "/tasks/" + ann + "/learner", null).status()).isEqualTo(204);
        assertThat(api.put("/api/workshops/" + slug + "/tasks/" + bob + "/learner", null).status()).isEqualTo(204);
        assertThat(api.put("/api/workshops/" + slug + "/tasks/" + bob + "/" + helper, null).status()).isEqualTo(204);
        assertThat(api.get("/api/workshops/" + slug).json().path("attendance").asInt()).isEqualTo(2);
        var tasks = api.get("/api/workshops/" + slug + "/tasks").json();
        assertThat(tasks).hasSize(3);
        assertThat(tasks.findValuesAsText("username")).containsOnly(ann, bob);
        assertThat(api.delete("/api/workshops/" + slug + "/tasks/" + bob + "/" + helper).status()).isEqualTo(204);
        assertThat(api.get("/api/workshops/" + slug + "/tasks").json()).hasSize(2);
        assertThat(api.put("/api/workshops/" + slug + "/tasks/nobody/learner", null).code())
                .isEqualTo("person-not-found");
        assertThat(api.put("/api/workshops/" + slug + "/tasks/" + ann + "/no-such-role", null).code())
                .isEqualTo("role-not-found");
        var history = api.get("/api/workshops/" + slug + "/history").json();
        assertThat(history.findValuesAsText("type")).contains("TaskAdded", "WorkshopAttendanceChanged",
                "TaskRemoved");
    }

    @Test
    void aCombinedMergeMovesTasksAndReportsDuplicates() {
        String a = unique("a");
        String b = unique("b");
        api.post("/api/workshops", Fixtures.publishedWorkshop(a, host, "2020-02-01", List.of(tag)));
        api.post("/api/workshops", Fixtures.publishedWorkshop(b, host, "2020-02-01", List.of(tag)));
        String ann = person("Ann");
        String bob = person("Bob");
        api.put("/api/workshops/" + a + "/tasks/" + ann + "/" + helper, null);
        api.put("/api/workshops/" + b + "/tasks/" + ann + "/" + helper, null);
        api.put("/api/workshops/" + b + "/tasks/" + bob + "/" + helper, null);
        Api.Response merged = api.post("/api/workshops/merges", Map.of("workshop_a", a, "workshop_b", b,
                "strategy", Map.of("tasks", "combine")));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("skipped_duplicate_tasks")).hasSize(1);
        assertThat(api.get("/api/workshops/" + a + "/tasks").json().findValuesAsText("username"))
                .containsExactlyInAnyOrder(ann, bob);
        String absorbed = merged.json().path("absorbed").asText();
        assertThat(api.get("/api/workshops/" + absorbed + "/tasks").json()).isEmpty();
        assertThat(api.get("/api/persons/" + ann).status()).isEqualTo(200);
        assertThat(api.get("/api/roles/" + helper).json().path("name").asText()).isEqualTo(helper);
    }
}
