package org.carpentries.amy.api.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;

class TagWithdrawalIT extends AmyIT {

    @Test
    void oneRequestUnassignsTheTagEverywhereAndRetiresItWithOneRequestIdAndReason() {
        String host = unique("withdraw") + ".org";
        String gone = unique("GONE");
        String kept = unique("KEPT");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(gone));
        api.post("/api/tags", Fixtures.tag(kept));
        String a = unique("a");
        String b = unique("b");
        String c = unique("c");
        api.post("/api/workshops", Fixtures.publishedWorkshop(a, host, "2018-01-01", List.of(gone, kept)));
        api.post("/api/workshops", Fixtures.publishedWorkshop(b, host, "2018-01-02", List.of(kept, gone)));
        api.post("/api/workshops", Fixtures.publishedWorkshop(c, host, "2018-01-03", List.of(kept)));

        Api.Response withdrawn = api.with("X-Request-Id", "req-withdraw-1").with("X-Change-Reason", "drill")
                .post("/api/tags/" + gone + "/withdrawals", null);

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("workshops")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(a, b);
        assertThat(tags(a)).containsExactly(kept);
        assertThat(tags(b)).containsExactly(kept);
        assertThat(tags(c)).containsExactly(kept);
        assertThat(api.get("/api/tags/" + gone).json().path("retired").asBoolean()).isTrue();
        for (String slug : List.of(a, b)) {
            JsonNode last = last(api.get("/api/workshops/" + slug + "/history").json());
            assertThat(last.path("type").asText()).isEqualTo("TagUnassignedFromWorkshop");
            assertThat(last.path("request_id").asText()).isEqualTo("req-withdraw-1");
            assertThat(last.path("reason").asText()).isEqualTo("drill");
            assertThat(last.path("actor_name").asText()).isEqualTo(Api.ADMIN);
        }
        JsonNode retired = last(api.get("/api/tags/" + gone + "/history").json());
        assertThat(retired.path("type").asText()).isEqualTo("TagRetired");
        assertThat(retired.path("request_id").asText()).isEqualTo("req-withdraw-1");
        assertThat(retired.path("reason").asText()).isEqualTo("drill");
    }

    @Test
    void whenOneWorkshopRefusesNothingChanges() {
        String host = unique("refuse") + ".org";
        String only = unique("ONLY");
        String other = unique("OTHER");
        api.post("/api/organisations", Fixtures.organisation(host));
        api.post("/api/tags", Fixtures.tag(only));
        api.post("/api/tags", Fixtures.tag(other));
        String both = unique("both");
        String single = unique("single");
        api.post("/api/workshops", Fixtures.publishedWorkshop(both, host, "2018-02-01", List.of(only, other)));
        api.post("/api/workshops", Fixtures.publishedWorkshop(single, host, "2018-02-02", List.of(only)));
        long before = eventCount();

        Api.Response refused = api.post("/api/tags/" + only + "/withdrawals", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("workshop-needs-a-tag");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(tags(both)).containsExactlyInAnyOrder(only, other);
        assertThat(tags(single)).containsExactly(only);
        assertThat(api.get("/api/tags/" + only).json().path("retired").asBoolean()).isFalse();
    }

    @Test
    void anUnknownTagIsNotFound() {
        Api.Response missing = api.post("/api/tags/" + unique("NOSUCH") + "/withdrawals", null);
        assertThat(missing.status()).isEqualTo(404);
    }

    private Set<String> tags(String slug) {
        return new TreeSet<>(api.get("/api/workshops/" + slug).json().path("tags").findValuesAsText("name"));
    }

    private static JsonNode last(JsonNode history) {
        return history.get(history.size() - 1);
    }
}
