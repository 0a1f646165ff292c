package org.carpentries.amy.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The badges, instructors and members exports, byte for byte against golden files that
 * {@code people-exports-golden/generate.py} wrote from AMY's own rules, after a history with revoked and renewed
 * awards, a retired badge, an archived person, an erased person and an archived workshop.
 */
class PeopleExportsGoldenIT extends FreshDatabaseIT {

    private static final String GOLDEN = "/people-exports-golden/";
    private static boolean loaded;

    @BeforeEach
    void loadInput() throws IOException {
        if (loaded) {
            return;
        }
        JsonNode input = Api.JSON.readTree(resource("input.json"));
        String host = input.path("organisations").get(0).path("domain").asText();
        created(input.path("organisations"), "/api/organisations");
        created(input.path("tags"), "/api/tags");
        created(input.path("airports"), "/api/airports");
        created(input.path("badges"), "/api/badges");
        for (JsonNode role : input.path("roles")) {
            expect(api.post("/api/roles", Map.of("name", role.asText())), 201);
        }
        for (JsonNode w : input.path("workshops")) {
            expect(api.post("/api/workshops", Fixtures.publishedWorkshop(w.path("slug").asText(), host,
                    w.path("start").asText(), List.of(input.path("tags").get(0).path("name").asText()))), 201);
        }
        created(input.path("persons"), "/api/persons");
        for (JsonNode step : input.path("steps")) {
            String kind = step.fieldNames().next();
            JsonNode arg = step.path(kind);
            switch (kind) {
                case "award" -> done(api.put("/api/persons/" + arg.get(0).asText() + "/awards/" + arg.get(1).asText(),
                        Map.of("awarded", arg.get(2).asText())));
                case "revoke" -> done(api.delete("/api/persons/" + arg.get(0).asText() + "/awards/"
                        + arg.get(1).asText()));
                case "task" -> done(api.put("/api/workshops/" + arg.get(0).asText() + "/tasks/" + arg.get(1).asText()
                        + "/" + arg.get(2).asText(), null));
                case "archive_person" -> done(api.put("/api/persons/" + arg.asText() + "/archived", null));
                case "erase_person" -> done(api.post("/api/persons/" + arg.asText() + "/erasure", null));
                case "retire_badge" -> done(api.put("/api/badges/" + arg.asText() + "/retired", null));
                case "archive_workshop" -> done(api.put("/api/workshops/" + arg.asText() + "/archived", null));
                default -> throw new IllegalArgumentException("Unknown step " + kind);
            }
        }
        loaded = true;
    }

    @Test
    void badgesMatchAmysBytes() throws IOException {
        golden("/api/v1/export/badges.yaml", "badges.yaml", "application/yaml");
        golden("/api/v1/export/badges.json", "badges.json", "application/json");
        golden("/api/v1/export/badges/?format=yaml", "badges.yaml", "application/yaml");
        golden("/api/v1/export/badges", "badges.json", "application/json");
    }

    @Test
    void instructorsMatchAmysBytes() throws IOException {
        golden("/api/v1/export/instructors.yaml", "instructors.yaml", "application/yaml");
        golden("/api/v1/export/instructors.json", "instructors.json", "application/json");
        golden("/api/v1/export/instructors.yaml?may_contact=true", "instructors-may-contact-true.yaml",
                "application/yaml");
        golden("/api/v1/export/instructors.json?may_contact=true", "instructors-may-contact-true.json",
                "application/json");
        golden("/api/v1/export/instructors.yaml?may_contact=false", "instructors-may-contact-false.yaml",
                "application/yaml");
        golden("/api/v1/export/instructors?format=json&may_contact=False", "instructors-may-contact-false.json",
                "application/json");
    }

    @Test
    void membersMatchAmysBytes() throws IOException {
        for (String window : List.of("members-2016?earliest=2016-01-01&latest=2016-12-31",
                "members-2015-2017?earliest=2015-01-01&latest=2017-12-31")) {
            String name = window.substring(0, window.indexOf('?'));
            String query = window.substring(window.indexOf('?'));
            golden(api, "/api/v1/export/members.yaml" + query, name + ".yaml", "application/yaml");
            golden(api, "/api/v1/export/members.json" + query, name + ".json", "application/json");
            golden(api, "/api/v1/export/members.csv" + query, name + ".csv", "text/csv");
            golden(api.with("Accept", "text/csv"), "/api/v1/export/members" + query, name + ".csv", "text/csv");
        }
    }

    @Test
    void erasedPeopleKeepTheirNamesButLoseEmailAndAirport() {
        JsonNode members = api.get("/api/v1/export/members.json?earliest=2016-01-01&latest=2016-12-31").json();
        JsonNode luna = members.findParents("username").stream()
                .filter(m -> m.path("username").asText().equals("lovegood_luna")).findFirst().orElseThrow();
        assertThat(luna.path("name").asText()).isEqualTo("Luna Lovegood");
        assertThat(luna.path("email").isNull()).isTrue();
        assertThat(anonymous.get("/api/v1/export/instructors.json").body()).doesNotContain("lovegood_luna")
                .doesNotContain("Barcelona");
        assertThat(anonymous.get("/api/v1/export/badges.json").body()).contains("lovegood_luna");
    }

    @Test
    void exportsAnswer304ToTheirOwnETagOnly() {
        Api.Response badges = anonymous.get("/api/v1/export/badges.yaml");
        String etag = badges.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(badges.header("Last-Modified")).isNotBlank();
        assertThat(badges.header("Cache-Control")).contains("no-cache");
        Api.Response again = anonymous.get("/api/v1/export/badges.yaml", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(anonymous.get("/api/v1/export/badges.yaml", "If-Modified-Since", badges.header("Last-Modified"))
                .status()).isEqualTo(304);
        assertThat(anonymous.get("/api/v1/export/badges.json", "If-None-Match", etag).status()).isEqualTo(200);

        String instructors = anonymous.get("/api/v1/export/instructors.json").header("ETag");
        assertThat(anonymous.get("/api/v1/export/instructors.json", "If-None-Match", instructors).status())
                .isEqualTo(304);
        assertThat(anonymous.get("/api/v1/export/instructors.json?may_contact=true", "If-None-Match", instructors)
                .status()).isEqualTo(200);

        String window = "?earliest=2016-01-01&latest=2016-12-31";
        String members = api.get("/api/v1/export/members.csv" + window).header("ETag");
        assertThat(api.get("/api/v1/export/members.csv" + window, "If-None-Match", members).status())
                .isEqualTo(304);
        assertThat(api.get("/api/v1/export/members.csv?earliest=2015-01-01&latest=2017-12-31", "If-None-Match",
                members).status()).isEqualTo(200);
        // The ETag is a digest of the bytes: another window that selects the same members is the same document.
        assertThat(api.get("/api/v1/export/members.csv?earliest=2016-01-02&latest=2016-12-31", "If-None-Match",
                members).status()).isEqualTo(304);
    }

    private void created(JsonNode bodies, String path) {
        for (JsonNode body : bodies) {
            expect(api.post(path, Api.JSON.convertValue(body, LinkedHashMap.class)), 201);
        }
    }

    private static void done(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    private static void expect(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
    }

    private void golden(String path, String golden, String mediaType) throws IOException {
        golden(anonymous, path, golden, mediaType);
    }

    private static void golden(Api client, String path, String golden, String mediaType) throws IOException {
        Api.Response r = client.get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith(mediaType);
        assertThat(r.body()).as(path).isEqualTo(new String(resource(golden), StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PeopleExportsGoldenIT.class.getResourceAsStream(GOLDEN + name)) {
            return in.readAllBytes();
        }
    }
}
