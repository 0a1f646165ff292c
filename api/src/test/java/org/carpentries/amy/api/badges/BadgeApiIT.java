package org.carpentries.amy.api.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

class BadgeApiIT extends AmyIT {

    @Test
    void aBadgeIsCreatedFoundByNameAndItsTitleAndCriteriaEditedWithIfMatch() {
        String name = unique("lc-instructor");
        Api.Response created = api.post("/api/badges", badge(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/badges/" + id);
        assertThat(created.json().path("title").asText()).isEqualTo("Library Carpentry Instructor");
        assertThat(api.get("/api/badges/" + name).json().path("id").asText()).isEqualTo(id);
        assertThat(api.get("/api/badges").json().findValuesAsText("name")).contains(name).isSorted();

        assertThat(api.patch("/api/badges/" + name, Map.of("title", "LC Instructor")).status()).isEqualTo(428);
        Api.Response edited = api.patch("/api/badges/" + name, Map.of("title", "LC Instructor", "criteria",
                "Teaching at Library Carpentry workshops"), "If-Match", created.header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("title").asText()).isEqualTo("LC Instructor");
        assertThat(edited.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.patch("/api/badges/" + name, Map.of("title", "x"), "If-Match", created.header("ETag")).code())
                .isEqualTo("version-mismatch");
        Api.Response rename = api.patch("/api/badges/" + name, Map.of("name", "other"), "If-Match",
                edited.header("ETag"));
        assertThat(rename.json().path("errors").findValuesAsText("code")).containsExactly("unknown-field");

        var history = api.get("/api/badges/" + name + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("BadgeCreated", "BadgeTitleChanged",
                "BadgeCriteriaChanged");
        assertThat(history.get(1).path("changes").findValuesAsText("old_value"))
                .containsExactly("Library Carpentry Instructor");
        assertThat(api.get("/api/badges/no-such-badge").code()).isEqualTo("badge-not-found");
    }

    @Test
    void namesAreUniqueAndSlugLikeAndARefusalRecordsNothing() {
        String name = unique("trainer");
        api.post("/api/badges", badge(name));
        long before = eventCount();
        Api.Response taken = api.post("/api/badges", badge(name));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("badge-name-taken");
        Api.Response bad = api.post("/api/badges", Map.of("name", "LC Instructor", "title", "t".repeat(41)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("code")).containsExactly("badge-name-invalid",
                "too-long", "required");
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("name", "title", "criteria");
        assertThat(api.post("/api/badges", badge("123e4567-e89b-12d3-a456-426614174000")).json().path("errors")
                .findValuesAsText("code")).containsExactly("badge-name-looks-like-id");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void retiredBadgesLeaveTheListUntilReinstated() {
        String name = unique("member");
        api.post("/api/badges", badge(name));
        assertThat(api.put("/api/badges/" + name + "/retired", null).status()).isEqualTo(204);
        assertThat(api.put("/api/badges/" + name + "/retired", null).status()).isEqualTo(204);
        assertThat(api.get("/api/badges").json().findValuesAsText("name")).doesNotContain(name);
        assertThat(api.get("/api/badges?include_retired=true").json().findValuesAsText("name")).contains(name);
        assertThat(api.delete("/api/badges/" + name + "/retired").status()).isEqualTo(204);
        assertThat(api.get("/api/badges/" + name).json().path("retired").asBoolean()).isFalse();
        assertThat(api.get("/api/badges/" + name + "/history").json().findValuesAsText("type"))
                .containsExactly("BadgeCreated", "BadgeRetired", "BadgeReinstated");
        assertThat(api.get("/api/badges?holder=x").code()).isEqualTo("unknown-parameter");
    }

    private static Map<String, Object> badge(String name) {
        return Map.of("name", name, "title", "Library Carpentry Instructor", "criteria",
                "Teaching at Library Carpentry workshops or online");
    }
}
