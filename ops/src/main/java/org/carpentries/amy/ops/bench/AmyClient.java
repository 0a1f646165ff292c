package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark client: its own HTTP/1.1 connection and session, as an admin's browser has. The first request logs
 * in ({@code POST /api/session}); later ones ride the session cookie and send the {@code XSRF-TOKEN} cookie back in
 * {@code X-XSRF-TOKEN} on writes, so the app checks the password hash once per client, not once per request. A
 * 401 (the session expired) logs in again and repeats the request once.
 */
final class AmyClient {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String user;
    private final String password;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private boolean loggedIn;

    AmyClient(URI base, String user, String password) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("The benchmark only talks to 127.0.0.1, not " + base);
        }
        this.base = base;
        this.user = user;
        this.password = password;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(cookies)
                .build();
    }

    /** An answer: status, body and ETag (null when absent). */
    record Response(int status, String body, String etag) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    Response patch(String path, Object body, String ifMatch) {
        return send("PATCH", path, body, Map.of("If-Match", ifMatch));
    }

    Response put(String path) {
        return send("PUT", path, null, Map.of());
    }

    /** The response itself; anything but {@code expected} is an error that names the request and quotes the answer. */
    Response expect(int expected, Response response, String what) {
        if (response.status() != expected) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + response.status() + " "
                    + abbreviate(response.body()));
        }
        return response;
    }

    Response send(String method, String path, Object body, Map<String, String> headers) {
        if (!loggedIn) {
            logIn();
        }
        Response response = exchange(method, path, body, headers);
        if (response.status() == 401) {
            logIn();
            response = exchange(method, path, body, headers);
        }
        return response;
    }

    /** Logs in (again): a new session. */
    void logIn() {
        Response response = exchange("POST", "/api/session", Map.of("username", user, "password", password), Map.of());
        if (response.status() != 200) {
            throw new IllegalStateException("Logging in as " + user + ": expected 200, got " + response.status() + " "
                    + abbreviate(response.body()));
        }
        loggedIn = true;
    }

    private Response exchange(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            String xsrf = cookie("XSRF-TOKEN");
            if (xsrf != null) {
                request.header("X-XSRF-TOKEN", xsrf);
            }
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body),
                            StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().get(base).stream()
                .filter(c -> name.equals(c.getName()))
                .map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 500 ? String.valueOf(body) : body.substring(0, 500) + "…";
    }
}
