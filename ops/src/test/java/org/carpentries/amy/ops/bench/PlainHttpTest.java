package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlainHttpTest {

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().toString(),
                "cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")),
                "xsrf", String.valueOf(exchange.getRequestHeaders().getFirst("X-XSRF-TOKEN"))));
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().add("ETag", "\"" + seen.size() + "\"");
        switch (path) {
            case "/empty" -> exchange.sendResponseHeaders(204, -1);
            case "/chunked" -> {
                exchange.sendResponseHeaders(200, 0);   // 0: chunked
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 50; i++) {
                        out.write(("part " + i + ";").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
            case "/api/session" -> {
                exchange.getResponseHeaders().add("Set-Cookie", "SESSION=abc; Path=/; HttpOnly");
                exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=tok; Path=/");
                exchange.getResponseHeaders().add("Set-Cookie", "OLD=; Max-Age=0; Path=/");
                exchange.sendResponseHeaders(200, -1);
            }
            case "/close" -> {
                exchange.getResponseHeaders().add("Connection", "close");
                byte[] bytes = "bye".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            default -> {
                byte[] bytes = (exchange.getRequestMethod() + ":" + exchange.getRequestURI() + ":" + body)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
        exchange.close();
    }

    private static String text(PlainHttp.Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void exchangesOnOneKeptAliveConnectionWithLengthChunkedAndEmptyBodies() throws IOException {
        int port = serve();
        try (PlainHttp http = new PlainHttp("127.0.0.1", port, Duration.ofSeconds(10))) {
            PlainHttp.Reply patched = http.exchange("PATCH", "/api/w/1?x=%C3%A9", Map.of("If-Match", "\"1\""),
                    "{\"notes\":\"é\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(patched.status()).isEqualTo(200);
            assertThat(text(patched)).isEqualTo("PATCH:/api/w/1?x=%C3%A9:{\"notes\":\"é\"}");
            assertThat(patched.header("etag")).isEqualTo("\"1\"");

            PlainHttp.Reply chunked = http.exchange("GET", "/chunked", Map.of(), null);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                expected.append("part ").append(i).append(';');
            }
            assertThat(text(chunked)).isEqualTo(expected.toString());

            PlainHttp.Reply empty = http.exchange("PUT", "/empty", Map.of(), null);
            assertThat(empty.status()).isEqualTo(204);
            assertThat(empty.body()).isEmpty();

            assertThat(text(http.exchange("DELETE", "/after", Map.of(), null))).isEqualTo("DELETE:/after:");
        }
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void anAnswerThatClosesTheConnectionIsFollowedByANewOne() throws IOException {
        int port = serve();
        try (PlainHttp http = new PlainHttp("127.0.0.1", port, Duration.ofSeconds(10))) {
            assertThat(text(http.exchange("GET", "/close", Map.of(), null))).isEqualTo("bye");
            assertThat(text(http.exchange("GET", "/next", Map.of(), null))).isEqualTo("GET:/next:");
        }
        assertThat(clientPorts).hasSize(2);
    }

    /** A server that answers one request per connection and then closes it without saying so, as an idle timeout does. */
    @Test
    void aRequestOnAConnectionTheServerClosedWhileIdleIsSentAgainOnANewOne() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<String> requests = new CopyOnWriteArrayList<>();
            CountDownLatch firstClosed = new CountDownLatch(1);
            Thread serving = new Thread(() -> {
                try {
                    for (int i = 0; i < 2; i++) {
                        try (Socket s = listener.accept()) {
                            requests.add(head(s.getInputStream()));
                            s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nok " + i)
                                    .getBytes(StandardCharsets.ISO_8859_1));
                            s.getOutputStream().flush();
                        }
                        firstClosed.countDown();
                    }
                } catch (IOException e) {
                    requests.add("failed: " + e);
                }
            });
            serving.start();
            try (PlainHttp http = new PlainHttp("127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(10))) {
                assertThat(text(http.exchange("POST", "/one", Map.of(), new byte[] {'1'}))).isEqualTo("ok 0");
                assertThat(firstClosed.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(text(http.exchange("POST", "/two", Map.of(), new byte[] {'2'}))).isEqualTo("ok 1");
            }
            serving.join(10_000);
            assertThat(requests).hasSize(2);
            assertThat(requests.get(0)).startsWith("POST /one HTTP/1.1").contains("Content-Length: 1");
            assertThat(requests.get(1)).startsWith("POST /two HTTP/1.1");
        }
    }

    @Test
    void theClientKeepsTheAppsCookiesAndSendsTheXsrfTokenOnWrites() throws IOException {
        int port = serve();
        AmyClient client = new AmyClient(URI.create("http://127.0.0.1:" + port + "/"), "admin", "pw");
        AmyClient.Response put = client.put("api/things/1");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("PUT:/api/things/1:");
        assertThat(client.get("api/things/1?page=2").body()).isEqualTo("GET:/api/things/1?page=2:");

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).containsEntry("method", "POST").containsEntry("path", "/api/session")
                .containsEntry("cookie", "null");
        assertThat(seen.get(1)).containsEntry("cookie", "SESSION=abc; XSRF-TOKEN=tok").containsEntry("xsrf", "tok");
        assertThat(seen.get(2)).containsEntry("cookie", "SESSION=abc; XSRF-TOKEN=tok").containsEntry("xsrf", "null");
        assertThat(clientPorts).hasSize(1);
    }

    /** The request line and headers, up to the blank line, and the body of the length they give. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
        }
        String head = bytes.toString(StandardCharsets.ISO_8859_1);
        int at = head.indexOf("Content-Length: ");
        if (at >= 0) {
            int n = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)));
            in.readNBytes(n);
        }
        return head;
    }
}
