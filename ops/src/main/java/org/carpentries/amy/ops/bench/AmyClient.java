package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark client: its own HTTP/1.1 connection and session, as an admin's browser has. The first request logs
 * in ({@code POST /api/session}); later ones ride the session cookie and send the {@code XSRF-TOKEN} cookie back in
 * {@code X-XSRF-TOKEN} on writes, so the app checks the password hash once per client, not once per request. A
 * 401 (the session expired) logs in again and repeats the request once. The connection is a {@link PlainHttp}: the
 * caller's thread does the exchange, so the load generator takes little of the CPU it shares with the app.
 */
final class AmyClient {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String user;
    private final String password;
    /** The cookies the app set, by name: all of them are the app's own, for every path. */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final PlainHttp http;
    private boolean loggedIn;

    AmyClient(URI base, String user, String password) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("The benchmark only talks to 127.0.0.1, not " + base);
        }
        this.base = base;
        this.user = user;
        this.password = password;
        this.http = new PlainHttp(base.getHost(), base.getPort(), TIMEOUT);
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
        Map<String, String> request = new LinkedHashMap<>();
        request.put("Accept", "application/json");
        request.putAll(headers);
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            String xsrf = cookies.get("XSRF-TOKEN");
            if (xsrf != null) {
                request.put("X-XSRF-TOKEN", xsrf);
            }
        }
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=')
                    .append(value));
            request.put("Cookie", cookie.toString());
        }
        byte[] content = null;
        if (body != null) {
            request.put("Content-Type", "application/json");
            content = JSON.writeValueAsBytes(body);
        }
        String target = PlainHttp.target(base.resolve(path));
        try {
            PlainHttp.Reply reply = http.exchange(method, target, request, content);
            reply.headers("Set-Cookie").forEach(this::remember);
            return new Response(reply.status(), new String(reply.body(), StandardCharsets.UTF_8),
                    reply.header("ETag"));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** Keeps a cookie the app set, or forgets it when the app expires it ({@code Max-Age=0} or an empty value). */
    private void remember(String setCookie) {
        String[] parts = setCookie.split(";");
        int equals = parts[0].indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = parts[0].substring(0, equals).trim();
        String value = parts[0].substring(equals + 1).trim();
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.equals("max-age=0")) {
                expired = true;
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 500 ? String.valueOf(body) : body.substring(0, 500) + "…";
    }
}
