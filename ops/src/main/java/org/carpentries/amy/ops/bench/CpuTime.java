package org.carpentries.amy.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds used so far by a process, or by a process and its children (PostgreSQL and its backends). */
final class CpuTime {

    /** Clock ticks per second: 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
    private static final double TICKS = 100;

    private CpuTime() {
    }

    static double of(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /**
     * The root's CPU, its children's that it has reaped (PostgreSQL's postmaster reaps every backend that exits: a
     * connection closed, an autovacuum worker done) and its live descendants'. Counting the live processes alone,
     * a backend that exited between two readings took its time with it and a phase could come out negative.
     * Without {@code /proc} (not Linux), the live processes only.
     */
    static double ofTree(ProcessHandle root) {
        double live = root.descendants().mapToDouble(CpuTime::of).filter(d -> !Double.isNaN(d)).sum();
        try {
            return live + withReapedChildren(Files.readString(Path.of("/proc", Long.toString(root.pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            double own = of(root);
            return live + (Double.isNaN(own) ? 0 : own);
        }
    }

    /** From a {@code /proc/PID/stat} line: utime + stime + cutime + cstime, in seconds. */
    static double withReapedChildren(String stat) {
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // After the name: state (0), ... utime (11), stime (12), cutime (13), cstime (14).
        long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]) + Long.parseLong(rest[13])
                + Long.parseLong(rest[14]);
        return ticks / TICKS;
    }
}
