package org.carpentries.amy.api.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.carpentries.amy.command.airport.RegisterAirport;
import org.carpentries.amy.command.organisation.RegisterOrganisation;
import org.carpentries.amy.command.person.RegisterPerson;
import org.carpentries.amy.command.tag.RetireTag;
import org.carpentries.amy.command.workshop.MergeWorkshops;
import org.carpentries.amy.command.workshop.ScheduleWorkshop;
import org.junit.jupiter.api.Test;

class BenchLanesTest {

    /** The data set at a fiftieth (200 workshops: a merge, a tag retired and reinstated) sent through lanes. */
    private record Load(List<Object> generated, List<Object> sent, Set<String> threads,
                        Map<Object, Integer> positions) {

        Load(List<Object> generated, List<Object> sent, Set<String> threads) {
            this(generated, sent, threads, new IdentityHashMap<>());
            for (int i = 0; i < sent.size(); i++) {
                positions.put(sent.get(i), i);
            }
        }

        int sentAt(Object command) {
            return positions.get(command);
        }
    }

    private static Load load(int lanes, int batch) {
        List<Object> generated = new ArrayList<>();
        List<Object> sent = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (BenchLanes lanesOf = new BenchLanes(lanes, batch, commands -> {
            threads.add(Thread.currentThread().getName());
            sent.addAll(commands);
            return commands.size();
        })) {
            new BenchDataSet(0.02, 3, BenchDataSetTest.REFERENCE, command -> {
                generated.add(command);
                lanesOf.accept(command);
            }).generate();
            lanesOf.drain();
            assertThat(lanesOf.sent()).isEqualTo(generated.size());
        }
        return new Load(generated, List.copyOf(sent), threads);
    }

    @Test
    void everyCommandIsSentOnceAndEachAggregatesCommandsInTheirOrder() {
        Load load = load(2, 50);
        assertThat(load.sent()).hasSameSizeAs(load.generated());
        assertThat(load.positions()).hasSize(load.generated().size());
        Map<UUID, List<Object>> generatedByAggregate = new LinkedHashMap<>();
        Map<UUID, List<Object>> sentByAggregate = new LinkedHashMap<>();
        load.generated().stream().filter(c -> BenchLanes.aggregate(c) != null)
                .forEach(c -> generatedByAggregate.computeIfAbsent(BenchLanes.aggregate(c), k -> new ArrayList<>())
                        .add(c));
        load.sent().stream().filter(c -> BenchLanes.aggregate(c) != null)
                .forEach(c -> sentByAggregate.computeIfAbsent(BenchLanes.aggregate(c), k -> new ArrayList<>()).add(c));
        assertThat(sentByAggregate).isEqualTo(generatedByAggregate);
        assertThat(load.threads()).contains("bench-data-0", "bench-data-1");
    }

    @Test
    void aCommandWithoutOneAggregateRunsAloneAfterEverythingBeforeItAndBeforeEverythingAfter() {
        Load load = load(2, 50);
        List<Object> alone = load.generated().stream().filter(c -> BenchLanes.aggregate(c) == null).toList();
        assertThat(alone).hasAtLeastOneElementOfType(MergeWorkshops.class).hasAtLeastOneElementOfType(RetireTag.class);
        for (Object command : alone) {
            int generatedAt = load.generated().indexOf(command);
            int sentAt = load.sentAt(command);
            assertThat(load.generated().subList(0, generatedAt)).as("before %s", command)
                    .allSatisfy(c -> assertThat(load.sentAt(c)).isLessThan(sentAt));
            assertThat(load.generated().subList(generatedAt + 1, load.generated().size())).as("after %s", command)
                    .allSatisfy(c -> assertThat(load.sentAt(c)).isGreaterThan(sentAt));
        }
    }

    @Test
    void eachKindOfRegistrationIsSentBeforeTheCommandsThatNameIt() {
        Load load = load(2, 50);
        int lastOrganisation = lastAt(load, RegisterOrganisation.class);
        int lastAirport = lastAt(load, RegisterAirport.class);
        int lastPerson = lastAt(load, RegisterPerson.class);
        assertThat(firstAt(load, RegisterAirport.class)).isGreaterThan(lastOrganisation);
        assertThat(firstAt(load, RegisterPerson.class)).isGreaterThan(lastAirport);
        assertThat(firstAt(load, ScheduleWorkshop.class)).isGreaterThan(lastPerson);
    }

    @Test
    void aFailedBatchFailsTheLoad() {
        try (BenchLanes lanes = new BenchLanes(2, 1, commands -> {
            throw new IllegalStateException("refused: " + commands);
        })) {
            assertThatThrownBy(() -> {
                lanes.accept(new RetireTag(UUID.randomUUID()));
            }).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("refused");
            lanes.accept(new RegisterOrganisation(UUID.randomUUID(), "a.example.org", "A", "US", ""));
            assertThatThrownBy(lanes::drain).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("refused");
        }
    }

    private static int firstAt(Load load, Class<?> type) {
        return load.sent().stream().filter(type::isInstance).mapToInt(load::sentAt).min().orElseThrow();
    }

    private static int lastAt(Load load, Class<?> type) {
        return load.sent().stream().filter(type::isInstance).mapToInt(load::sentAt).max().orElseThrow();
    }
}
