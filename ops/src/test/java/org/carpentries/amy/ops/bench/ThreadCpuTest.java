package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void aStatLineGivesTheThreadsNameAndItsUserPlusSystemTicksInSeconds() {
        // Fields 14 and 15 (utime 250, stime 37) follow the name; the name itself holds a space and parentheses.
        String stat = "4242 (http-nio-8080-e) S 1 4242 4242 0 -1 4194368 900 0 0 0 250 37 0 0 20 0 60 0 1234 0 0";

        ThreadCpu.Parsed parsed = ThreadCpu.parse(stat);

        assertThat(parsed.name()).isEqualTo("http-nio-8080-e");
        assertThat(parsed.seconds()).isEqualTo(2.87);
        assertThat(ThreadCpu.parse("7 (GC (odd) name) R 1 7 7 0 -1 0 0 0 0 0 5 5 0 0 20 0 1 0 1 0 0").name())
                .isEqualTo("GC (odd) name");
        assertThat(ThreadCpu.parse("garbage")).isNull();
    }

    @Test
    void threadsAreGroupedByTheWorkTheirNamesSay() {
        assertThat(ThreadCpu.group("http-nio-8080-e")).isEqualTo(ThreadCpu.REQUESTS);
        assertThat(ThreadCpu.group("WorkPackage[aud")).isEqualTo(ThreadCpu.READ_MODELS);
        assertThat(ThreadCpu.group("Coordinator[pub")).isEqualTo(ThreadCpu.READ_MODELS);
        assertThat(ThreadCpu.group("EmbeddedEventSt")).isEqualTo(ThreadCpu.EVENT_READER);
        assertThat(ThreadCpu.group("VM Thread")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo(ThreadCpu.JIT);
        assertThat(ThreadCpu.group("C1 CompilerThre")).isEqualTo(ThreadCpu.JIT);
        assertThat(ThreadCpu.group("Catalina-utilit")).isEqualTo(ThreadCpu.OTHER);
    }

    @Test
    void theTimeUsedBetweenTwoReadingsIsTheirDifferenceByGroup() {
        Map<String, Double> used = ThreadCpu.since(Map.of("requests", 1.5, "gc", 0.25),
                Map.of("requests", 4.0, "gc", 0.25, "read_models", 2.0));

        assertThat(used).containsExactlyInAnyOrderEntriesOf(Map.of("requests", 2.5, "gc", 0.0, "read_models", 2.0));
    }

    @Test
    void thisJvmsOwnThreadsAreReadOnLinux() {
        Map<String, Double> mine = ThreadCpu.of(ProcessHandle.current());

        assertThat(mine).isNotEmpty();
        assertThat(mine.values()).allMatch(seconds -> seconds >= 0);
    }
}
