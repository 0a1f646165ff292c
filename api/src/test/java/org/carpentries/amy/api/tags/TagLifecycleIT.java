package org.carpentries.amy.api.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;

class TagLifecycleIT extends AmyIT {

    @Test
    void aRetiredTagKeepsItsLinksStillFiltersAndCannotBeAssigned() {
        String host = unique("tags") + ".org";
        String old = unique("OLD");
        String other = unique("NEW");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(old));
        api.post("/api/tags", Fixtures.tag(other));
        String a = unique("a");
        String b = unique("b");
        api.post("/api/workshops", Fixtures.publishedWorkshop(a, host, "2018-01-01", List.of(old)));
        api.post("/api/workshops", Fixtures.publishedWorkshop(b, host, "2018-01-02", List.of(other)));
        String exportBefore = anonymous.get("/api/v1/events/published.yaml?tag=" + old).body();

        assertThat(api.put("/api/tags/" + old + "/retired", null).status()).isEqualTo(204);
        assertThat(api.put("/api/tags/" + old + "/retired", null).status()).isEqualTo(204);

        assertThat(api.get("/api/workshops/" + a).json().path("tags").findValuesAsText("name")).containsExactly(old);
        assertThat(api.get("/api/workshops/" + a).json().path("tags").get(0).path("retired").asBoolean()).isTrue();
        assertThat(anonymous.get("/api/v1/events/published.yaml?tag=" + old).body()).isEqualTo(exportBefore);
        assertThat(api.get("/api/tags").json().findValuesAsText("name")).doesNotContain(old).contains(other);
        assertThat(api.get("/api/tags?include_retired=true").json().findValuesAsText("name")).contains(old);
        Api.Response assign = api.put("/api/workshops/" + b + "/tags/" + old, null);
        assertThat(assign.status()).isEqualTo(409);
        assertThat(assign.code()).isEqualTo("tag-retired");
        assertThat(api.get("/api/workshops?tag=" + old).json().path("count").asInt()).isEqualTo(1);

        assertThat(api.delete("/api/tags/" + old + "/retired").status()).isEqualTo(204);
        assertThat(api.put("/api/workshops/" + b + "/tags/" + old, null).status()).isEqualTo(204);
        var history = api.get("/api/tags/" + old + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("TagCreated", "TagRetired", "TagReinstated");
    }

    @Test
    void tagNamesAreUniqueCaseSensitivelyAndDetailsNeedIfMatch() {
        String name = unique("Case");
        assertThat(api.post("/api/tags", Fixtures.tag(name)).status()).isEqualTo(201);
        Api.Response again = api.post("/api/tags", Fixtures.tag(name));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("tag-name-taken");
        assertThat(api.post("/api/tags", Fixtures.tag(name.toLowerCase(java.util.Locale.ROOT))).status())
                .isEqualTo(201);
        assertThat(api.patch("/api/tags/" + name, Map.of("details", "x")).status()).isEqualTo(428);
        String etag = api.get("/api/tags/" + name).header("ETag");
        Api.Response edited = api.patch("/api/tags/" + name, Map.of("details", "Described"), "If-Match", etag);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("details").asText()).isEqualTo("Described");
        assertThat(api.patch("/api/tags/" + name, Map.of("name", "renamed"), "If-Match", edited.header("ETag"))
                .json().path("errors").findValuesAsText("code")).containsExactly("unknown-field");
        assertThat(api.get("/api/tags/no-such-tag").code()).isEqualTo("tag-not-found");
    }
}
