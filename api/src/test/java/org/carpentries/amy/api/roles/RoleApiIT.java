package org.carpentries.amy.api.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

/** AMY's own roles (instructor…) are shared by every test here, so their protection is tested on the seeded data. */
class RoleApiIT extends AmyIT {

    @Test
    void aRoleIsCreatedFoundByIdOrNameRenamedAndInTheHistory() {
        String name = unique("tutor");
        Api.Response created = api.post("/api/roles", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/roles/" + id);
        assertThat(api.get("/api/roles/" + name).json().path("id").asText()).isEqualTo(id);
        assertThat(api.get("/api/roles/" + id).json().path("name").asText()).isEqualTo(name);
        assertThat(api.get("/api/roles").json().findValuesAsText("name")).contains(name).isSorted();

        assertThat(api.patch("/api/roles/" + name, Map.of("name", "x")).status()).isEqualTo(428);
        String renamed = unique("mentor");
        Api.Response edited = api.patch("/api/roles/" + name, Map.of("name", renamed), "If-Match",
                created.header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(api.get("/api/roles/" + name).code()).isEqualTo("role-not-found");
        assertThat(api.get("/api/roles/" + renamed).json().path("id").asText()).isEqualTo(id);
        assertThat(api.patch("/api/roles/" + renamed, Map.of("name", "x"), "If-Match", created.header("ETag")).code())
                .isEqualTo("version-mismatch");
        var history = api.get("/api/roles/" + renamed + "/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("RoleCreated", "RoleRenamed");
        assertThat(history.get(1).path("changes").findValuesAsText("old_value")).containsExactly(name);
    }

    @Test
    void namesAreUniqueAndUrlSafeAndARefusalRecordsNothing() {
        String name = unique("debriefed");
        api.post("/api/roles", Map.of("name", name));
        long before = eventCount();
        Api.Response taken = api.post("/api/roles", Map.of("name", name));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("role-name-taken");
        Api.Response slash = api.post("/api/roles", Map.of("name", "co/host"));
        assertThat(slash.status()).isEqualTo(400);
        assertThat(slash.json().path("errors").findValuesAsText("code")).containsExactly("role-name-invalid");
        assertThat(api.post("/api/roles", Map.of("name", "r".repeat(41))).json().path("errors")
                .findValuesAsText("code")).containsExactly("too-long");
        assertThat(api.post("/api/roles", Map.of("name", "00000000-0000-0000-0000-000000000001")).json()
                .path("errors").findValuesAsText("code")).containsExactly("role-name-looks-like-id");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void retiredRolesLeaveTheListUntilReinstated() {
        String name = unique("observer");
        api.post("/api/roles", Map.of("name", name));
        assertThat(api.put("/api/roles/" + name + "/retired", null).status()).isEqualTo(204);
        assertThat(api.put("/api/roles/" + name + "/retired", null).status()).isEqualTo(204);
        assertThat(api.get("/api/roles").json().findValuesAsText("name")).doesNotContain(name);
        assertThat(api.get("/api/roles?include_retired=true").json().findValuesAsText("name")).contains(name);
        assertThat(api.delete("/api/roles/" + name + "/retired").status()).isEqualTo(204);
        assertThat(api.get("/api/roles").json().findValuesAsText("name")).contains(name);
        assertThat(api.get("/api/roles/" + name + "/history").json().findValuesAsText("type"))
                .containsExactly("RoleCreated", "RoleRetired", "RoleReinstated");
        assertThat(api.get("/api/roles?name=" + name).code()).isEqualTo("unknown-parameter");
    }
}
