package org.carpentries.amy.api.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.person.AwardBadge;
import org.carpentries.amy.command.person.RegisterPerson;
import org.carpentries.amy.command.workshop.AddTask;
import org.carpentries.amy.command.workshop.ScheduleWorkshop;
import org.junit.jupiter.api.Test;

class BenchDataSetTest {

    static final BenchDataSet.Reference REFERENCE = new BenchDataSet.Reference(
            names(ReferenceData.TAGS.keySet()), names(TeachingReferenceData.ROLES),
            names(TeachingReferenceData.BADGES.stream().map(b -> b.get(0)).toList()),
            List.copyOf(names(TeachingReferenceData.LESSONS).values()));

    private static Map<String, UUID> names(Iterable<String> names) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        names.forEach(n -> ids.put(n, UUID.nameUUIDFromBytes(n.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return ids;
    }

    private static List<Object> commands(double size, long seed) {
        List<Object> out = new ArrayList<>();
        new BenchDataSet(size, seed, REFERENCE, out::add).generate();
        return out;
    }

    @Test
    void theSameSeedAndSizeGiveTheSameCommandsAndIds() {
        assertThat(commands(0.005, 7)).isEqualTo(commands(0.005, 7));
        assertThat(commands(0.005, 8)).isNotEqualTo(commands(0.005, 7));
    }

    @Test
    void theShapeScalesWithTheSizeAndMatchesTheCommandsSent() {
        List<Object> out = new ArrayList<>();
        BenchDataSet.Shape shape = new BenchDataSet(0.01, 1, REFERENCE, out::add).generate();
        assertThat(shape.workshops()).isEqualTo(100);
        assertThat(shape.people()).isEqualTo(1_000);
        assertThat(shape.awards()).isEqualTo(500);
        assertThat(out.stream().filter(ScheduleWorkshop.class::isInstance).count()).isEqualTo(shape.workshops());
        assertThat(out.stream().filter(RegisterPerson.class::isInstance).count()).isEqualTo(shape.people());
        assertThat(out.stream().filter(AddTask.class::isInstance).count()).isEqualTo(shape.tasks());
        assertThat(out.stream().filter(AwardBadge.class::isInstance).count()).isEqualTo(shape.awards());
        // About thirty tasks a workshop: 300,000 at 10,000 workshops.
        assertThat(shape.tasks()).isBetween(25 * shape.workshops(), 35 * shape.workshops());
    }

    @Test
    void uniqueValuesAreUniqueSoNoCommandIsRejected() {
        List<Object> out = commands(0.02, 3);
        List<RegisterPerson> people = out.stream().filter(RegisterPerson.class::isInstance)
                .map(RegisterPerson.class::cast).toList();
        assertThat(people.stream().map(p -> p.details().username()).distinct().count()).isEqualTo(people.size());
        assertThat(people.stream().map(p -> p.details().email()).distinct().count()).isEqualTo(people.size());
        List<ScheduleWorkshop> workshops = out.stream().filter(ScheduleWorkshop.class::isInstance)
                .map(ScheduleWorkshop.class::cast).toList();
        assertThat(workshops.stream().map(w -> w.fields().slug()).distinct().count()).isEqualTo(workshops.size());
        Set<String> tasks = new HashSet<>();
        out.stream().filter(AddTask.class::isInstance).map(AddTask.class::cast)
                .forEach(t -> assertThat(tasks.add(t.workshopId() + "/" + t.personId() + "/" + t.roleId())).isTrue());
        Set<String> awards = new HashSet<>();
        out.stream().filter(AwardBadge.class::isInstance).map(AwardBadge.class::cast)
                .forEach(a -> assertThat(awards.add(a.personId() + "/" + a.badgeId())).isTrue());
    }

    @Test
    void workshopsSpreadOverTwelveYearsWithAmyLikeMixes() {
        List<ScheduleWorkshop> workshops = commands(0.05, 11).stream().filter(ScheduleWorkshop.class::isInstance)
                .map(ScheduleWorkshop.class::cast).toList();
        assertThat(workshops.get(0).fields().start()).isBefore(BenchDataSet.FIRST_DAY.plusDays(5));
        assertThat(workshops.get(workshops.size() - 1).fields().start())
                .isAfter(BenchDataSet.FIRST_DAY.plusYears(11).plusMonths(10));
        long swc = workshops.stream().filter(w -> w.tagIds().contains(REFERENCE.tags().get("SWC"))).count();
        long published = workshops.stream().filter(w -> w.fields().url() != null).count();
        long online = workshops.stream().filter(w -> "W3".equals(w.fields().country())).count();
        assertThat(swc).isBetween(workshops.size() * 35L / 100, workshops.size() * 55L / 100);
        assertThat(published).isBetween(workshops.size() * 75L / 100, workshops.size() * 95L / 100);
        assertThat(online).isBetween(workshops.size() * 3L / 100, workshops.size() * 15L / 100);
    }

    @Test
    void sizesAreQuickFullOrAFraction() {
        assertThat(BenchData.size("quick")).isEqualTo(0.1);
        assertThat(BenchData.size("full")).isEqualTo(1.0);
        assertThat(BenchData.size("0.5")).isEqualTo(0.5);
        assertThatThrownBy(() -> BenchData.size("huge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quick, full or a size");
        assertThatThrownBy(() -> BenchData.size("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchData.size("NaN")).isInstanceOf(IllegalArgumentException.class);
    }
}
