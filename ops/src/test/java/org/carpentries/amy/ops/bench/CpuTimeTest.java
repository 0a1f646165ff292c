package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // The child burns CPU and exits; the parent reaps it, says so, then waits on its stdin until the test ends.
        Process parent = new ProcessBuilder("sh", "-c",
                "sh -c 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done'; echo reaped; read line").start();
        try {
            ProcessHandle handle = parent.toHandle();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("reaped");
                assertThat(handle.descendants().findAny()).isEmpty();

                double liveOnly = CpuTime.of(handle);
                assertThat(CpuTime.ofTree(handle)).isGreaterThan(liveOnly + 0.05);
            }
        } finally {
            parent.destroy();
        }
    }
}
