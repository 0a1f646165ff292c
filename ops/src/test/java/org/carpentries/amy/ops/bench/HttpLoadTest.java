package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpLoadTest {

    private static final byte[] BODY = "a: 1\nb: [x, y]\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    private HttpServer server;
    private URI uri;
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/published.yaml", exchange -> {
            connections.add(exchange.getRemoteAddress().getPort());
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.sendResponseHeaders(200, BODY.length);
                exchange.getResponseBody().write(BODY);
            }
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/published.yaml?x=1");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void countsTheAnswersOfEachKeptAliveConnectionWithTheirBytes() {
        HttpLoad.Sample sample = HttpLoad.run("export", uri, Map.of(), 200, 2, Duration.ofSeconds(1));

        assertThat(sample.responses()).isPositive();
        assertThat(sample.bodyBytes()).isEqualTo(BODY.length);
        assertThat(sample.latenciesMillis()).hasSize((int) sample.responses());
        assertThat(connections).hasSize(2);
    }

    @Test
    void sendsTheGivenHeadersAndCountsEmptyAnswers() {
        HttpLoad.Sample sample = HttpLoad.run("304", uri, Map.of("If-None-Match", "\"v1\""), 304, 1,
                Duration.ofMillis(300));

        assertThat(sample.responses()).isPositive();
        assertThat(sample.bodyBytes()).isZero();
    }

    @Test
    void anUnexpectedStatusStopsTheRun() {
        assertThatThrownBy(() -> HttpLoad.run("wrong", uri, Map.of(), 304, 1, Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected 304, got 200");
    }
}
