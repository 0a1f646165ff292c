package org.carpentries.amy.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The nightly job, run once by hand: a row changed behind the projection's back shows up in the metric. */
class ScheduledVerificationIT extends AmyIT {

    @Autowired
    private ScheduledVerification job;

    @Test
    void aCorruptedRowIsReportedInTheMetricAndTheVerificationResult() {
        String name = unique("verified");
        assertThat(api.post("/api/tags", Fixtures.tag(name)).status()).isEqualTo(201);
        double before = metric("amy.verification.last_run", "");
        jdbc.update("UPDATE tag_view SET details = 'tampered' WHERE name = ?", name);
        try {
            assertThat(job.runAll()).isPositive();

            assertThat(metric("amy.verification.differences", "read_model:tags")).isGreaterThanOrEqualTo(2);
            double lastRun = metric("amy.verification.last_run", "");
            assertThat(lastRun).isGreaterThan(System.currentTimeMillis() / 1000.0 - 600);
            assertThat(before).isNaN();
            JsonNode verification = api.get("/api/admin/read-models/tags/rebuilds/latest").json();
            assertThat(verification.path("mode").asText()).isEqualTo("verify");
            List<String> differences = new ArrayList<>();
            verification.path("differences").forEach(d -> differences.add(d.asText()));
            assertThat(differences).anyMatch(d -> d.startsWith("tag_view: live-only") && d.contains("tampered"))
                    .anyMatch(d -> d.startsWith("tag_view: rebuilt-only") && d.contains(name + " workshops"));
        } finally {
            jdbc.update("UPDATE tag_view SET details = ? WHERE name = ?", name + " workshops", name);
        }
        job.runAll();
        assertThat(metric("amy.verification.differences", "read_model:tags")).isZero();
    }

    private double metric(String name, String tag) {
        return api.get("/actuator/metrics/" + name + (tag.isEmpty() ? "" : "?tag=" + tag)).json()
                .path("measurements").get(0).path("value").asDouble();
    }
}
