package org.carpentries.amy.api.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

class LessonApiIT extends AmyIT {

    @Test
    void aLessonIsAddressedByIdAndFoundByItsSlashedName() {
        String name = "swc/" + unique("git");
        Api.Response created = api.post("/api/lessons", Map.of("name", " " + name + " "));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/lessons/" + id);
        assertThat(created.json().path("name").asText()).isEqualTo(name);
        assertThat(api.get("/api/lessons/" + id).header("ETag")).isEqualTo("\"0\"");
        var found = api.get("/api/lessons?name=" + name).json();
        assertThat(found.findValuesAsText("id")).containsExactly(id);
        assertThat(api.get("/api/lessons?name=swc/" + unique("nothing")).json()).isEmpty();
        assertThat(api.get("/api/lessons").json().findValuesAsText("name")).contains(name).isSorted();
        assertThat(api.get("/api/lessons/" + name).status()).isEqualTo(404);
        assertThat(api.get("/api/lessons/git").code()).isEqualTo("lesson-not-found");
        assertThat(api.get("/api/lessons/" + UUID.randomUUID()).code()).isEqualTo("lesson-not-found");
    }

    @Test
    void namesAreUniqueAndShapedAndARefusalRecordsNothing() {
        String name = "dc/" + unique("sql");
        api.post("/api/lessons", Map.of("name", name));
        long before = eventCount();
        Api.Response taken = api.post("/api/lessons", Map.of("name", name));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("lesson-name-taken");
        assertThat(errors(api.post("/api/lessons", Map.of("name", "x".repeat(41))))).containsExactly("too-long");
        assertThat(errors(api.post("/api/lessons", Map.of("name", UUID.randomUUID().toString()))))
                .containsExactly("lesson-name-looks-like-id");
        // A control character is refused for every field of every body before the lesson's own rule sees it.
        assertThat(errors(api.post("/api/lessons", Map.of("name", "swc/\u0007"))))
                .containsExactly("control-character");
        assertThat(errors(api.post("/api/lessons", Map.of()))).containsExactly("required");
        assertThat(errors(api.post("/api/lessons", Map.of("name", 7)))).containsExactly("wrong-type");
        assertThat(errors(api.post("/api/lessons", Map.of("name", "dc/x", "title", "x"))))
                .containsExactly("unknown-field");
        assertThat(errors(api.post("/api/lessons", Map.of("name", "dc/x", "id", "42")))).containsExactly("invalid-id");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void renamingNeedsIfMatchFreesTheOldNameAndIsInTheHistory() {
        String old = "swc/" + unique("hg");
        Api.Response created = api.post("/api/lessons", Map.of("name", old));
        String id = created.json().path("id").asText();
        assertThat(api.patch("/api/lessons/" + id, Map.of("name", "x")).code()).isEqualTo("if-match-required");
        String renamed = "swc/" + unique("mercurial");
        Api.Response edited = api.patch("/api/lessons/" + id, Map.of("name", renamed), "If-Match",
                created.header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("name").asText()).isEqualTo(renamed);
        assertThat(edited.header("ETag")).isEqualTo("\"1\"");
        assertThat(api.patch("/api/lessons/" + id, Map.of("name", "swc/y"), "If-Match", created.header("ETag"))
                .code()).isEqualTo("version-mismatch");
        assertThat(api.get("/api/lessons?name=" + old).json()).isEmpty();
        assertThat(api.post("/api/lessons", Map.of("name", old)).status()).isEqualTo(201);
        Api.Response clash = api.patch("/api/lessons/" + id, Map.of("name", old), "If-Match", edited.header("ETag"));
        assertThat(clash.code()).isEqualTo("lesson-name-taken");

        var history = api.get("/api/lessons/" + id + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("LessonCreated", "LessonRenamed");
        assertThat(history.get(1).path("changes").get(0).path("old_value").asText()).isEqualTo(old);
        assertThat(history.get(1).path("changes").get(0).path("new_value").asText()).isEqualTo(renamed);
    }

    @Test
    void retiredLessonsLeaveTheListUntilReinstated() {
        String name = "dc/" + unique("cloud");
        String id = api.post("/api/lessons", Map.of("name", name)).json().path("id").asText();
        assertThat(api.put("/api/lessons/" + id + "/retired", null).status()).isEqualTo(204);
        assertThat(api.put("/api/lessons/" + id + "/retired", null).status()).isEqualTo(204);
        assertThat(api.get("/api/lessons?name=" + name).json()).isEmpty();
        assertThat(api.get("/api/lessons?include_retired=true&name=" + name).json().findValuesAsText("id"))
                .containsExactly(id);
        assertThat(api.get("/api/lessons").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.delete("/api/lessons/" + id + "/retired").status()).isEqualTo(204);
        assertThat(api.get("/api/lessons?name=" + name).json().findValuesAsText("retired")).containsExactly("false");
        assertThat(api.get("/api/lessons/" + id + "/history").json().findValuesAsText("type"))
                .containsExactly("LessonCreated", "LessonRetired", "LessonReinstated");
    }

    @Test
    void unknownOrRepeatedQueryParametersAreRefused() {
        assertThat(api.get("/api/lessons?q=git").code()).isEqualTo("unknown-parameter");
        assertThat(api.get("/api/lessons?name=a&name=b").code()).isEqualTo("repeated-parameter");
    }

    private static java.util.List<String> errors(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().path("errors").findValuesAsText("code");
    }
}
