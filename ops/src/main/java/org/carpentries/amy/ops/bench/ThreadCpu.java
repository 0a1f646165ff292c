package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by a Linux process's threads, summed by what they do (from {@code /proc/PID/task/*}/stat:
 * the thread's name, then its user and system ticks). Threads that have exited take their time with them, so only
 * pooled threads (Tomcat's, the processors') compare between two readings.
 */
final class ThreadCpu {

    static final String REQUESTS = "requests";
    static final String READ_MODELS = "read_models";
    static final String EVENT_READER = "event_reader";
    static final String GC = "gc";
    static final String JIT = "jit";
    static final String OTHER = "other";
    /** Clock ticks per second: 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
    private static final double TICKS = 100;

    private ThreadCpu() {
    }

    /** Seconds by group; empty where /proc is missing (not Linux). */
    static Map<String, Double> of(ProcessHandle process) {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        Map<String, Double> groups = new TreeMap<>();
        if (!Files.isDirectory(tasks)) {
            return groups;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (NoSuchFileException gone) {
                    return;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Parsed parsed = parse(stat);
                if (parsed != null) {
                    groups.merge(group(parsed.name()), parsed.seconds(), Double::sum);
                }
            });
        } catch (NoSuchFileException gone) {
            return groups;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    /** What {@code later} used since {@code earlier}, by group, in seconds. */
    static Map<String, Double> since(Map<String, Double> earlier, Map<String, Double> later) {
        Map<String, Double> used = new TreeMap<>();
        later.forEach((group, seconds) -> used.put(group, Math.max(0, seconds - earlier.getOrDefault(group, 0.0))));
        return used;
    }

    record Parsed(String name, double seconds) {
    }

    /**
     * One {@code stat} line: {@code pid (name) state ...}; the name may hold spaces and parentheses, so it ends at
     * the last ')'. utime and stime are the 14th and 15th fields.
     */
    static Parsed parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String[] rest = stat.substring(close + 2).trim().split(" ");
        // rest[0] is field 3 (state), so field n is rest[n - 3].
        if (rest.length < 13) {
            return null;
        }
        long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        return new Parsed(stat.substring(open + 1, close), ticks / TICKS);
    }

    /** The group of a thread, by its name as Linux keeps it (the first 15 characters). */
    static String group(String name) {
        if (name.startsWith("http-nio")) {
            return REQUESTS;
        }
        if (name.startsWith("WorkPackage") || name.startsWith("Coordinator")) {
            return READ_MODELS;
        }
        if (name.startsWith("EmbeddedEventSt")) {
            return EVENT_READER;
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return GC;
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        return OTHER;
    }
}
