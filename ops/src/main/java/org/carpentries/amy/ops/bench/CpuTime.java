package org.carpentries.amy.ops.bench;

import java.util.stream.Stream;

/** CPU seconds used so far by a process, or by a process and its children (PostgreSQL and its backends). */
final class CpuTime {

    private CpuTime() {
    }

    static double of(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Only processes alive now count: a backend that has exited takes its CPU time with it. */
    static double ofTree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToDouble(CpuTime::of)
                .filter(d -> !Double.isNaN(d)).sum();
    }
}
