package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs one URL as fast as {@code connections} keep-alive connections allow for a while, from this process (not
 * the server's), and counts the answers that had the expected status; anything else stops the run as an error.
 */
final class HttpLoad {

    private HttpLoad() {
    }

    /** What one run measured: answers, seconds, bytes per answer and each answer's latency. */
    record Sample(String what, int connections, long responses, double seconds, long bodyBytes,
                  double[] latenciesMillis) {

        double perSecond() {
            return responses / seconds;
        }
    }

    static Sample run(String what, URI uri, Map<String, String> headers, int expectedStatus, int connections,
                      Duration duration) {
        return run(what, uri, headers, expectedStatus, connections, duration, Duration.ofSeconds(30));
    }

    /** As above, each request failing after {@code requestTimeout}. */
    static Sample run(String what, URI uri, Map<String, String> headers, int expectedStatus, int connections,
                      Duration duration, Duration requestTimeout) {
        List<Thread> threads = new ArrayList<>();
        List<double[]> latencies = new ArrayList<>();
        long[] counts = new long[connections];
        long[] bytes = new long[connections];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        for (int c = 0; c < connections; c++) {
            int slot = c;
            double[][] mine = {new double[1024]};
            latencies.add(null);
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET();
                headers.forEach(builder::header);
                HttpRequest request = builder.build();
                int n = 0;
                try {
                    while (System.nanoTime() < end && failure.get() == null) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (response.statusCode() != expectedStatus) {
                            throw new IllegalStateException(what + ": expected " + expectedStatus + ", got "
                                    + response.statusCode());
                        }
                        if (n == mine[0].length) {
                            mine[0] = java.util.Arrays.copyOf(mine[0], n * 2);
                        }
                        mine[0][n++] = ms;
                        bytes[slot] = response.body().length;
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e instanceof RuntimeException r ? r
                            : new IllegalStateException(what + " failed: " + e.getMessage(), e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, new IllegalStateException(what + " interrupted", e));
                } finally {
                    counts[slot] = n;
                    synchronized (latencies) {
                        latencies.set(slot, java.util.Arrays.copyOf(mine[0], n));
                    }
                }
            }, "bench-load-" + c);
            threads.add(thread);
            thread.start();
        }
        RawLimits.join(threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        long total = 0;
        for (long n : counts) {
            total += n;
        }
        double[] all;
        synchronized (latencies) {
            all = latencies.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        }
        return new Sample(what, connections, total, seconds, bytes[0], all);
    }
}
