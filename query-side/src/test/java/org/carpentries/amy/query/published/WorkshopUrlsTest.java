package org.carpentries.amy.query.published;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkshopUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "http://github.com/user/2030-03-23-place", "http://github.com/user/2030-03-23-place/",
        "https://github.com/user/2030-03-23-place", "https://github.com/user/2030-03-23-place/",
        "http://user.github.io/2030-03-23-place", "http://user.github.io/2030-03-23-place/",
        "https://user.github.io/2030-03-23-place", "https://user.github.io/2030-03-23-place/",
        "http://user.github.com/2030-03-23-place", "http://user.github.com/2030-03-23-place/",
        "https://user.github.com/2030-03-23-place", "https://user.github.com/2030-03-23-place/"})
    void everySpellingOfAWorkshopMapsToTheSameWebsiteAndRepository(String url) {
        assertThat(WorkshopUrls.website(url)).isEqualTo("https://user.github.io/2030-03-23-place/");
        assertThat(WorkshopUrls.repository(url)).isEqualTo("https://github.com/user/2030-03-23-place");
    }

    @Test
    void anythingElseIsKeptAsItIs() {
        assertThat(WorkshopUrls.website("https://example.org/workshop")).isEqualTo("https://example.org/workshop");
        assertThat(WorkshopUrls.repository("https://example.org/workshop")).isEqualTo("https://example.org/workshop");
        assertThat(WorkshopUrls.website(null)).isNull();
        assertThat(WorkshopUrls.repository(null)).isNull();
    }

    @Test
    void trailingPathIsIgnoredBecausePythonMatchesOnlyAtTheStart() {
        assertThat(WorkshopUrls.website("https://github.com/user/repo/tree/gh-pages"))
                .isEqualTo("https://user.github.io/repo/");
    }

    @Test
    void onlyGithubComProjectUrlsCountAsRepositories() {
        assertThat(WorkshopUrls.isRepository("https://github.com/user/repo")).isTrue();
        assertThat(WorkshopUrls.isRepository("https://user.github.io/repo/")).isFalse();
        assertThat(WorkshopUrls.isRepository(null)).isFalse();
    }

    @Test
    void matchesPythonReForEveryFixtureUrl() {
        List<JsonNode> rows = Fixtures.jsonLines("workshopurls.jsonl");
        assertThat(rows).hasSizeGreaterThan(400);
        for (JsonNode row : rows) {
            String url = row.get("url").isNull() ? null : row.get("url").asText();
            assertThat(WorkshopUrls.website(url)).as(row.toString()).isEqualTo(text(row.get("website")));
            assertThat(WorkshopUrls.repository(url)).as(row.toString()).isEqualTo(text(row.get("repository")));
            assertThat(WorkshopUrls.isRepository(url)).as(row.toString()).isEqualTo(row.get("isRepository").asBoolean());
        }
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }
}
