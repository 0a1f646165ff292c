package org.carpentries.amy.api.knowledgedomains;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

class KnowledgeDomainApiIT extends AmyIT {

    @Test
    void aDomainIsCreatedFoundByNameRenamedAndInTheHistory() {
        String name = unique("Don't know/yet");
        Api.Response created = api.post("/api/knowledge-domains", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/knowledge-domains/" + id);
        assertThat(api.get("/api/knowledge-domains?name=" + query(name)).json().findValuesAsText("id"))
                .containsExactly(id);
        assertThat(api.get("/api/knowledge-domains").json().findValuesAsText("name")).contains(name);
        assertThat(api.get("/api/knowledge-domains/" + id).json().path("name").asText()).isEqualTo(name);

        String renamed = unique("Mathematics/statistics");
        Api.Response edited = api.patch("/api/knowledge-domains/" + id, Map.of("name", renamed), "If-Match",
                created.header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("name").asText()).isEqualTo(renamed);
        assertThat(api.patch("/api/knowledge-domains/" + id, Map.of("name", "x")).status()).isEqualTo(428);
        assertThat(api.patch("/api/knowledge-domains/" + id, Map.of("name", "x"), "If-Match", "\"0\"").code())
                .isEqualTo("version-mismatch");
        assertThat(api.get("/api/knowledge-domains/" + id + "/history").json().findValuesAsText("type"))
                .containsExactly("KnowledgeDomainCreated", "KnowledgeDomainRenamed");
        assertThat(api.get("/api/knowledge-domains/Physics").code()).isEqualTo("knowledge-domain-not-found");
    }

    @Test
    void namesAreUniqueAndShapedAndARefusalRecordsNothing() {
        String name = unique("Genetics, genomics, bioinformatics");
        api.post("/api/knowledge-domains", Map.of("name", name));
        long before = eventCount();
        Api.Response taken = api.post("/api/knowledge-domains", Map.of("name", name));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("knowledge-domain-name-taken");
        Api.Response tooLong = api.post("/api/knowledge-domains", Map.of("name", "x".repeat(101)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").findValuesAsText("code")).containsExactly("too-long");
        Api.Response id = api.post("/api/knowledge-domains", Map.of("name", UUID.randomUUID().toString()));
        assertThat(id.json().path("errors").findValuesAsText("code"))
                .containsExactly("knowledge-domain-name-looks-like-id");
        assertThat(api.post("/api/knowledge-domains", Map.of("name", " ")).json().path("errors")
                .findValuesAsText("code")).containsExactly("required");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void retiredDomainsLeaveTheListUntilReinstated() {
        String name = unique("Humanities");
        String id = api.post("/api/knowledge-domains", Map.of("name", name)).json().path("id").asText();
        assertThat(api.put("/api/knowledge-domains/" + id + "/retired", null).status()).isEqualTo(204);
        assertThat(api.put("/api/knowledge-domains/" + id + "/retired", null).status()).isEqualTo(204);
        assertThat(api.get("/api/knowledge-domains").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("/api/knowledge-domains?include_retired=true").json().findValuesAsText("id")).contains(id);
        assertThat(api.delete("/api/knowledge-domains/" + id + "/retired").status()).isEqualTo(204);
        assertThat(api.get("/api/knowledge-domains").json().findValuesAsText("id")).contains(id);
        assertThat(api.get("/api/knowledge-domains?q=x").code()).isEqualTo("unknown-parameter");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
