package org.carpentries.amy.api.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The seeds on a first start: through commands, in history, once; and AMY's own roles keep their names. */
class TeachingReferenceDataIT extends FreshDatabaseIT {

    @Autowired
    TeachingReferenceData seeds;

    @DynamicPropertySource
    static void seedsOn(DynamicPropertyRegistry registry) {
        registry.add("amy.seed", () -> "true");
    }

    /** The seeds are sent at start-up without waiting for the read models; wait for them here. */
    @BeforeEach
    void seeded() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/roles").json()).hasSize(TeachingReferenceData.ROLES.size());
            assertThat(api.get("/api/badges").json()).hasSize(TeachingReferenceData.BADGES.size());
            assertThat(api.get("/api/lessons").json()).hasSize(TeachingReferenceData.LESSONS.size());
            assertThat(api.get("/api/knowledge-domains").json())
                    .hasSize(TeachingReferenceData.KNOWLEDGE_DOMAINS.size());
        });
    }

    @Test
    void theFirstStartCreatesAmysRolesBadgesLessonsAndKnowledgeDomains() {
        assertThat(api.get("/api/roles").json().findValuesAsText("name"))
                .containsExactlyInAnyOrder("instructor", "learner", "helper", "host", "organizer");
        var badges = api.get("/api/badges").json();
        assertThat(badges.findValuesAsText("name")).containsExactlyInAnyOrder("swc-instructor", "dc-instructor",
                "maintainer", "trainer", "member", "creator", "organizer");
        assertThat(api.get("/api/badges/swc-instructor").json().path("title").asText())
                .isEqualTo("Software Carpentry Instructor");
        assertThat(api.get("/api/lessons").json().findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(TeachingReferenceData.LESSONS);
        assertThat(api.get("/api/lessons?name=swc/git").json()).hasSize(1);
        assertThat(api.get("/api/knowledge-domains").json().findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(TeachingReferenceData.KNOWLEDGE_DOMAINS);
        var history = api.get("/api/roles/instructor/history").json();
        assertThat(history.findValuesAsText("type")).containsExactly("RoleCreated");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("system");
        assertThat(history.get(0).path("request_id").asText()).startsWith("seed-");
    }

    @Test
    void seedingAgainCreatesNothingThatExists() throws Exception {
        long before = count();
        jdbc.update("DELETE FROM bootstrap_step WHERE name = ?", TeachingReferenceData.STEP);
        seeds.run(new DefaultApplicationArguments());
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bootstrap_step WHERE name = ?", Long.class,
                TeachingReferenceData.STEP)).isEqualTo(1L);
    }

    @Test
    void amysOwnRolesCannotBeRenamedOrRetired() {
        Api.Response instructor = api.get("/api/roles/instructor");
        Api.Response rename = api.patch("/api/roles/instructor", Map.of("name", "teacher"), "If-Match",
                instructor.header("ETag"));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.code()).isEqualTo("role-protected");
        Api.Response retire = api.put("/api/roles/learner/retired", null);
        assertThat(retire.status()).isEqualTo(409);
        assertThat(retire.code()).isEqualTo("role-protected");
        assertThat(api.get("/api/roles").json().findValuesAsText("name")).contains("instructor", "learner");
    }

    private long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }
}
