package org.carpentries.amy.api.published;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carpentries.amy.query.Renders;
import org.carpentries.amy.query.published.ExportFormat;
import org.carpentries.amy.query.published.PublishedExport;
import org.carpentries.amy.query.published.PublishedQuery;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * The published export, byte for byte against golden files that {@code published-golden/generate.py} wrote from
 * AMY's own rules (serializer order, humandate, website urls, PyYAML, DRF's JSON, drf-csv).
 */
class PublishedExportGoldenIT extends FreshDatabaseIT {

    private static boolean loaded;

    @BeforeEach
    void loadInput() throws IOException {
        if (loaded) {
            return;
        }
        JsonNode input = Api.JSON.readTree(resource("input.json"));
        for (JsonNode o : input.path("organisations")) {
            assertThat(api.post("/api/organisations", Api.JSON.convertValue(o, Map.class)).status()).isEqualTo(201);
        }
        for (JsonNode t : input.path("tags")) {
            assertThat(api.post("/api/tags", Api.JSON.convertValue(t, Map.class)).status()).isEqualTo(201);
        }
        for (JsonNode w : input.path("workshops")) {
            Api.Response r = api.post("/api/workshops", Api.JSON.convertValue(w, Map.class));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        loaded = true;
    }

    @Test
    void yamlMatchesAmysBytes() throws IOException {
        expect("/api/v1/events/published.yaml", "published.yaml", "application/yaml");
        expect("/api/v1/events/published.yaml?tag=DC", "published-tag-DC.yaml", "application/yaml");
        expect("/api/v1/events/published.yaml?tag=SWC&tag=DC", "published-tag-SWC-DC.yaml", "application/yaml");
    }

    @Test
    void jsonMatchesAmysBytes() throws IOException {
        expect("/api/v1/events/published.json", "published.json", "application/json");
        expect("/api/v1/events/published.json?tag=DC", "published-tag-DC.json", "application/json");
        expect("/api/v1/events/published/?tag=SWC&tag=DC", "published-tag-SWC-DC.json", "application/json");
    }

    @Test
    void csvMatchesAmysBytes() throws IOException {
        expect("/api/v1/events/published.csv", "published.csv", "text/csv");
        expect("/api/v1/events/published.csv?tag=DC", "published-tag-DC.csv", "text/csv");
        expect("/api/v1/events/published?format=csv&tag=SWC&tag=DC", "published-tag-SWC-DC.csv", "text/csv");
    }

    @Test
    void renderingEveryRecordPerRequestGivesTheSameBytesAsTheFragments(
            @Autowired PublishedExport cached, @Autowired PlatformTransactionManager transactions,
            @Autowired Renders renders) throws IOException {
        PublishedExport perRequest = new PublishedExport(jdbc, transactions, renders, false,
                DataSize.ofMegabytes(48));
        UUID dc = cached.tag("DC").orElseThrow();
        for (ExportFormat format : ExportFormat.values()) {
            for (List<UUID> tags : List.of(List.<UUID>of(), List.of(dc))) {
                PublishedQuery query = new PublishedQuery(format, null, null, tags);
                assertThat(new String(perRequest.render(query).body(), StandardCharsets.UTF_8)).as(query.toString())
                        .isEqualTo(new String(cached.render(query).body(), StandardCharsets.UTF_8));
            }
        }
        assertThat(new String(perRequest.render(new PublishedQuery(ExportFormat.YAML, null, null, List.of())).body(),
                StandardCharsets.UTF_8)).isEqualTo(new String(resource("published.yaml"), StandardCharsets.UTF_8));
    }

    @Test
    void theExportIsPublicAndAnswers304ToAMatchingETag() {
        Api.Response first = anonymous.get("/api/v1/events/published.yaml?tag=DC");
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.header("Last-Modified")).isNotBlank();
        Api.Response again = anonymous.get("/api/v1/events/published.yaml?tag=DC", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(anonymous.get("/api/v1/events/published.yaml?tag=DC", "If-Modified-Since",
                first.header("Last-Modified")).status()).isEqualTo(304);
        assertThat(anonymous.get("/api/v1/events/published.json?tag=DC", "If-None-Match", etag).status())
                .isEqualTo(200);
    }

    @Test
    void unknownFiltersAreProblemsNeverAWiderExport() {
        Api.Response tag = anonymous.get("/api/v1/events/published.yaml?tag=NOPE");
        assertThat(tag.status()).isEqualTo(400);
        assertThat(tag.code()).isEqualTo("unknown-tag");
        assertThat(anonymous.get("/api/v1/events/published.yaml?tag=DC&tag=NOPE").code()).isEqualTo("unknown-tag");
        assertThat(anonymous.get("/api/v1/events/published.yaml?host=nowhere.edu").code())
                .isEqualTo("unknown-organisation");
        assertThat(anonymous.get("/api/v1/events/published.yaml?colour=red").code()).isEqualTo("unknown-parameter");
        assertThat(anonymous.get("/api/v1/events/published.xml").code()).isEqualTo("unknown-format");
        assertThat(anonymous.get("/api/v1/events/published.json?host=ethz.ch").json()).hasSize(2);
        assertThat(anonymous.get("/api/v1/events/published.json?administrator=self-organized").json()).hasSize(1);
    }

    private void expect(String path, String golden, String mediaType) throws IOException {
        Api.Response r = anonymous.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith(mediaType);
        assertThat(r.body()).isEqualTo(new String(resource(golden), StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PublishedExportGoldenIT.class.getResourceAsStream("/published-golden/" + name)) {
            return in.readAllBytes();
        }
    }
}
