package org.carpentries.amy.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MixTest {

    @Test
    void drawsFollowTheShares() {
        Map<String, Integer> counts = new TreeMap<>();
        IntStream.range(0, 100).forEach(d -> counts.merge(Mix.kind(d), 1, Integer::sum));
        assertThat(counts).isEqualTo(Map.of("schedule", 20, "edit", 30, "tag", 15, "task", 20, "award", 15));
        assertThatThrownBy(() -> Mix.kind(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void awardsTakeEveryPersonOncePerFreeBadgeThenStop() {
        List<String> people = List.of("a", "b", "c");
        Set<String> pairs = new HashSet<>();
        for (int n = 0; n < people.size() * Mix.FREE_BADGES.size(); n++) {
            String[] pair = Mix.award(people, n);
            assertThat(pairs.add(pair[0] + "/" + pair[1])).isTrue();
        }
        assertThatThrownBy(() -> Mix.award(people, 6)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("used up");
    }

    @Test
    void theMixNeedsOrganisationsAndPeople() {
        assertThatThrownBy(() -> new Mix(List.of(), List.of("a"), "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mix(List.of("h"), List.of(), "s")).isInstanceOf(IllegalArgumentException.class);
    }
}
