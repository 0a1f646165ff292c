package org.carpentries.amy.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;

class ReadModelLagIT extends AmyIT {

    @Test
    void everyWriteThatWaitsForTheReadModelsIsCounted() {
        long before = api.get("/api/admin/read-models/lag").json().get("count").asLong();
        Api.Response created = api.post("/api/tags", Fixtures.tag(unique("lag")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response after = api.get("/api/admin/read-models/lag");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("count").asLong()).isGreaterThanOrEqualTo(before + 1);
        long summed = 0;
        for (var bucket : after.json().get("buckets")) {
            summed += bucket.get("count").asLong();
            assertThat(bucket.has("upper_ms")).isTrue();
        }
        assertThat(summed).isEqualTo(after.json().get("count").asLong());
    }

    @Test
    void onlyAdminsReadIt() {
        assertThat(anonymous.get("/api/admin/read-models/lag").status()).isEqualTo(401);
    }
}
