package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs one URL as fast as {@code connections} keep-alive connections allow for a while, from this process (not
 * the server's), and counts the answers that had the expected status; anything else stops the run as an error. Each
 * connection is a {@link PlainHttp}, so the load takes as little as it can of the CPU it shares with the server.
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
                String target = PlainHttp.target(uri);
                int n = 0;
                try (PlainHttp http = new PlainHttp(uri.getHost(), uri.getPort(), requestTimeout)) {
                    while (System.nanoTime() < end && failure.get() == null) {
                        long t0 = System.nanoTime();
                        PlainHttp.Reply response = http.exchange("GET", target, headers, null);
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (response.status() != expectedStatus) {
                            throw new IllegalStateException(what + ": expected " + expectedStatus + ", got "
                                    + response.status());
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
