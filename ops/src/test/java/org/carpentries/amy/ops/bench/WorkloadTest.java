package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private final Workload workload = new Workload(2016);

    @Test
    void aTaskDependsOnlyOnSeedSeriesAndIndex() {
        assertThat(new Workload(2016).task("w", 7)).isEqualTo(workload.task("w", 7));
        assertThat(new Workload(2017).task("w", 7)).isNotEqualTo(workload.task("w", 7));
    }

    @Test
    void slugsAreUniqueAcrossSeries() {
        Set<String> slugs = new HashSet<>();
        IntStream.range(0, 500).forEach(i -> {
            slugs.add(workload.task("w", i).slug());
            slugs.add(workload.task("warmup", i).slug());
        });
        assertThat(slugs).hasSize(1000);
    }

    @Test
    void eachTaskSchedulesWithOneToThreeTagsAndMayEditAndTagOnceMore() {
        IntStream.range(0, 200).mapToObj(i -> workload.task("w", i)).forEach(task -> {
            assertThat(task.tags()).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(task.tags()).doesNotContain(task.extraTag());
            assertThat(task.commands()).isBetween(1, 3);
            assertThat(task.events()).isEqualTo(1 + task.tags().size() + task.commands() - 1);
            assertThat(task.schedule()).containsEntry("slug", task.slug()).containsKey("host");
        });
    }
}
