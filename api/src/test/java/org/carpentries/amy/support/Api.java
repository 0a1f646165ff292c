package org.carpentries.amy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for tests: JSON in, status, headers and body out. */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();
    /** A session client's cookies (AMY_SESSION, XSRF-TOKEN); null for the others. */
    private final CookieManager cookies;
    private final HttpClient client;
    private final boolean sendCsrf;

    private Api(String base, String authorization) {
        this(base, authorization, null, true);
    }

    private Api(String base, String authorization, CookieManager cookies, boolean sendCsrf) {
        this.base = base;
        this.authorization = authorization;
        this.cookies = cookies;
        this.client = cookies == null ? CLIENT : HttpClient.newBuilder().cookieHandler(cookies).build();
        this.sendCsrf = sendCsrf;
    }

    /**
     * A browser-like client: keeps cookies and sends the XSRF-TOKEN cookie's value as X-XSRF-TOKEN on writes; not
     * logged in until it posts to /api/session.
     */
    public static Api browser(int port) {
        return new Api("http://localhost:" + port, null, new CookieManager(null, CookiePolicy.ACCEPT_ALL), true);
    }

    /** A browser-like client logged in through POST /api/session; fails unless the login answers 200. */
    public static Api login(int port, String username, String password) {
        Api browser = browser(port);
        Response r = browser.post("/api/session", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("Login as " + username + " failed: " + r);
        }
        return browser;
    }

    /** The same session client, but without the CSRF header (to test that writes are refused). */
    public Api withoutCsrf() {
        Api copy = new Api(base, authorization, cookies, false);
        copy.headers.putAll(headers);
        return copy;
    }

    /** A cookie this client holds, or null. */
    public String cookie(String name) {
        if (cookies == null) {
            return null;
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public static Api admin(int port) {
        return new Api("http://localhost:" + port, "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** A client logged in with the given account (HTTP Basic, as the tests' application allows). */
    public static Api account(int port, String username, String password) {
        return new Api("http://localhost:" + port, "Basic " + Base64.getEncoder().encodeToString((username + ":"
                + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A machine client sending {@code Authorization: Bearer <token>} with every request. */
    public static Api bearer(int port, String token) {
        return new Api("http://localhost:" + port, "Bearer " + token);
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, null);
    }

    /** The same client sending an extra header with every request. */
    public Api with(String name, String value) {
        Api copy = new Api(base, authorization, cookies, sendCsrf);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Response get(String path, String... headerPairs) {
        return send("GET", path, null, null, headerPairs);
    }

    public Response post(String path, Object body, String... headerPairs) {
        return send("POST", path, body, "application/json", headerPairs);
    }

    public Response put(String path, Object body, String... headerPairs) {
        return send("PUT", path, body, body == null ? null : "application/json", headerPairs);
    }

    public Response patch(String path, Object body, String... headerPairs) {
        return send("PATCH", path, body, "application/json", headerPairs);
    }

    public Response delete(String path, String... headerPairs) {
        return send("DELETE", path, null, null, headerPairs);
    }

    /** Sends a raw body exactly as given. */
    public Response raw(String method, String path, String contentType, byte[] body, String... headerPairs) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return execute(b, headerPairs);
    }

    private Response send(String method, String path, Object body, String contentType, String... headerPairs) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return raw(method, path, contentType, bytes, headerPairs);
    }

    private Response execute(HttpRequest.Builder b, String... headerPairs) {
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        String csrf = cookie("XSRF-TOKEN");
        HttpRequest probe = b.copy().build();
        if (sendCsrf && csrf != null && !probe.method().equals("GET") && !probe.method().equals("HEAD")) {
            b.header("X-XSRF-TOKEN", csrf);
        }
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            b.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body(), e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        /** The problem's stable code, for error responses. */
        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
