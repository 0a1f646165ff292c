package org.carpentries.amy.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.junit.jupiter.api.Test;

class AdminUiIT extends AmyIT {

    private static final Pattern HTML_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"");
    private static final Pattern MODULE_IMPORT = Pattern.compile("(?:\\bfrom|\\bimport)\\s*\\(?\\s*['\"](\\.{1,2}/[^'\"]+)['\"]");
    private static final Pattern CSS_REFERENCE = Pattern.compile("(?:url\\(\\s*['\"]?|@import\\s+['\"])([^'\")]+)");
    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)(?:https?:)?//([a-z0-9.-]+\\.[a-z]{2,}|[a-z0-9-]+:\\d+)");

    @Test
    void anyoneGetsThePageWithTheAppRootAndItsScript() {
        Api.Response page = anonymous.get("/");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"app\"").contains("<script type=\"module\" src=\"app/main.js\">");
        assertThat(anonymous.get("/index.html").body()).isEqualTo(page.body());
    }

    @Test
    void everyAssetThePageReachesIsServedWithItsContentType() {
        Map<String, Api.Response> assets = assets();
        assertThat(assets.keySet()).contains("/app/main.js", "/app/style.css", "/app/api.js", "/app/ui.js",
                "/app/workshops.js", "/app/merge.js", "/app/records.js", "/app/admin.js", "/app/persons.js",
                "/app/person-merge.js", "/app/reports.js");
        assets.forEach((path, response) -> {
            assertThat(response.status()).as(path).isEqualTo(200);
            String type = response.header("Content-Type");
            if (path.endsWith(".js")) {
                assertThat(type).as(path).matches("(text|application)/javascript(;.*)?");
            } else if (path.endsWith(".css")) {
                assertThat(type).as(path).startsWith("text/css");
            }
        });
    }

    @Test
    void thePageAndItsAssetsReachNoOtherHost() {
        List<String> external = new ArrayList<>();
        String index = anonymous.get("/").body();
        collectExternal("/", index, external);
        assets().forEach((path, response) -> collectExternal(path, response.body(), external));
        assertThat(external).isEmpty();
    }

    @Test
    void theApiBehindThePageStillWantsALogin() {
        Api.Response session = anonymous.get("/api/session");
        assertThat(session.status()).isEqualTo(401);
        assertThat(session.header("Content-Type")).startsWith("application/problem+json");
        assertThat(session.code()).isEqualTo("unauthenticated");
        assertThat(anonymous.get("/api/workshops").status()).isEqualTo(401);
    }

    /** Every file reachable from the page: its links and scripts, then each module's imports and each sheet's urls. */
    private Map<String, Api.Response> assets() {
        Map<String, Api.Response> seen = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(references("/", anonymous.get("/").body(), HTML_REFERENCE));
        while (!todo.isEmpty()) {
            String path = todo.pop();
            if (seen.containsKey(path)) {
                continue;
            }
            Api.Response response = anonymous.get(path);
            seen.put(path, response);
            if (path.endsWith(".js")) {
                todo.addAll(references(path, response.body(), MODULE_IMPORT));
            } else if (path.endsWith(".css")) {
                todo.addAll(references(path, response.body(), CSS_REFERENCE));
            }
        }
        return seen;
    }

    private static List<String> references(String from, String text, Pattern pattern) {
        List<String> paths = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String ref = m.group(1).strip();
            if (ref.startsWith("data:") || ABSOLUTE_URL.matcher(ref).lookingAt()) {
                continue;
            }
            paths.add(URI.create(from).resolve(ref).getPath());
        }
        return paths;
    }

    private static void collectExternal(String path, String text, List<String> external) {
        Matcher m = ABSOLUTE_URL.matcher(text);
        while (m.find()) {
            external.add(path + ": " + m.group());
        }
    }
}
