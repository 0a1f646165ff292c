package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void aStatLineGivesTheProcessesTicksWithThoseOfTheChildrenItReaped() {
        // After the name: utime 250, stime 37, cutime 400, cstime 13.
        String stat = "4242 (postgres) S 1 4242 4242 0 -1 4194368 900 0 0 0 250 37 400 13 20 0 1 0 1234 0 0";

        assertThat(CpuTime.withReapedChildren(stat)).isEqualTo(7.0);
    }

    @Test
    void aChildThatExitedStillCountsForItsParent() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/stat")), "needs Linux's /proc");
        // The child burns CPU and exits; the parent reaps it, then waits on its stdin until the test ends.
        Process parent = new ProcessBuilder("sh", "-c",
                "sh -c 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done'; read line").start();
        try {
            ProcessHandle handle = parent.toHandle();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (handle.descendants().findAny().isPresent() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(handle.descendants().findAny()).isEmpty();

            double liveOnly = CpuTime.of(handle);
            assertThat(CpuTime.ofTree(handle)).isGreaterThan(liveOnly + 0.05);
        } finally {
            parent.destroy();
        }
    }
}
