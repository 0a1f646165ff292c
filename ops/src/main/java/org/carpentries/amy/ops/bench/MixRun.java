package org.carpentries.amy.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the command mix's clients for a while, each on its own thread: closed loop (the next command as soon as the
 * last is answered) or paced at a total rate (each client's commands at fixed times; a late client does not wait).
 */
final class MixRun {

    private MixRun() {
    }

    /** What one run measured. */
    record Sample(int clients, int commands, Map<String, Integer> byKind, double seconds, double[] latenciesMillis,
                  double appCpuSeconds, double postgresCpuSeconds, Map<String, Double> appCpuByThreads,
                  double benchCpuSeconds) {

        double commandsPerSecond() {
            return commands / seconds;
        }

        /** The app's and its PostgreSQL's CPU per command, in milliseconds. */
        double appCpuMillisPerCommand() {
            return 1000 * appCpuSeconds / commands;
        }

        double postgresCpuMillisPerCommand() {
            return 1000 * postgresCpuSeconds / commands;
        }
    }

    static Sample closed(List<Mix.Client> clients, Duration duration, AppProcess app) {
        return run(clients, duration, 0, app);
    }

    static Sample paced(List<Mix.Client> clients, double perSecond, Duration duration, AppProcess app) {
        return run(clients, duration, perSecond, app);
    }

    private static Sample run(List<Mix.Client> clients, Duration duration, double perSecond, AppProcess app) {
        double appCpu = CpuTime.of(app.handle());
        double postgresCpu = CpuTime.ofTree(app.postgres());
        Map<String, Double> appThreads = ThreadCpu.of(app.handle());
        double benchCpu = CpuTime.of(ProcessHandle.current());
        List<List<Double>> latencies = new ArrayList<>();
        List<Map<String, Integer>> kinds = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        long interval = perSecond > 0 ? (long) (1e9 * clients.size() / perSecond) : 0;
        for (int c = 0; c < clients.size(); c++) {
            Mix.Client client = clients.get(c);
            List<Double> mine = new ArrayList<>();
            Map<String, Integer> counted = new TreeMap<>();
            latencies.add(mine);
            kinds.add(counted);
            long offset = interval * c / clients.size();
            Thread thread = new Thread(() -> {
                long due = started + offset;
                try {
                    while (failure.get() == null) {
                        if (interval > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            due += interval;
                        }
                        if (System.nanoTime() >= end) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        String kind = client.next();
                        mine.add((System.nanoTime() - t0) / 1e6);
                        counted.merge(kind, 1, Integer::sum);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-mix-" + c);
            threads.add(thread);
            thread.start();
        }
        RawLimits.join(threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        Map<String, Integer> byKind = new TreeMap<>();
        kinds.forEach(k -> k.forEach((kind, n) -> byKind.merge(kind, n, Integer::sum)));
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        return new Sample(clients.size(), all.length, byKind, seconds, all, CpuTime.of(app.handle()) - appCpu,
                CpuTime.ofTree(app.postgres()) - postgresCpu, ThreadCpu.since(appThreads, ThreadCpu.of(app.handle())),
                CpuTime.of(ProcessHandle.current()) - benchCpu);
    }
}
