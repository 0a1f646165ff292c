package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditorAccessIT extends AmyIT {

    Api auditor;

    @BeforeEach
    void auditorAccount() {
        auditor = newAuditor();
    }

    @Test
    void anAuditorReadsRecordsAndTheirHistory() {
        String tag = unique("AUD").toUpperCase(java.util.Locale.ROOT);
        assertThat(api.post("/api/tags", Fixtures.tag(tag)).status()).isEqualTo(201);

        assertThat(auditor.get("/api/tags/" + tag).status()).isEqualTo(200);
        assertThat(auditor.get("/api/tags/" + tag + "/history").status()).isEqualTo(200);
        assertThat(auditor.get("/api/admin/read-models").status()).isEqualTo(200);
    }

    @Test
    void anAuditorMayAskForARestoresDryRunButNotApplyIt() {
        String tag = unique("DRY").toUpperCase(java.util.Locale.ROOT);
        api.post("/api/tags", Fixtures.tag(tag));
        String asOf = java.time.Instant.now().toString();
        api.patch("/api/tags/" + tag, java.util.Map.of("details", "changed since"), "If-Match", "\"0\"");
        long before = eventCount();
        java.util.Map<String, Object> restore = java.util.Map.of("target", java.util.Map.of("type", "tag", "key", tag),
                "as_of", asOf, "dry_run", true);

        var dryRun = auditor.post("/api/restores", restore);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().path("commands")).hasSize(1);
        assertThat(dryRun.json().path("commands").get(0).path("type").asText()).isEqualTo("EditTagDetails");
        var applied = auditor.with("X-Change-Reason", "auditors cannot").post("/api/restores",
                java.util.Map.of("target", java.util.Map.of("type", "tag", "key", tag), "as_of", asOf,
                        "dry_run", false));
        assertThat(applied.status()).isEqualTo(403);
        assertThat(applied.code()).isEqualTo("forbidden");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.get("/api/tags/" + tag).json().path("details").asText()).isEqualTo("changed since");
    }

    @Test
    void anAuditorChangesNothing() {
        long before = eventCount();
        var created = auditor.post("/api/tags", Fixtures.tag(unique("NOPE")));

        assertThat(created.status()).isEqualTo(403);
        assertThat(created.json().path("code").asText()).isEqualTo("forbidden");
        assertThat(auditor.post("/api/admin/read-models/tags/rebuilds", null).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }
}
