package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/** The most recently used aggregates stay cached, across garbage collections, up to the capacity. */
class AggregateCacheTest {

    @Test
    void entriesSurviveAGarbageCollectionWhileMemoryIsPlentiful() {
        AggregateCache cache = new AggregateCache(100);
        for (int i = 0; i < 100; i++) {
            cache.put("w" + i, new StringBuilder("aggregate " + i));
        }

        System.gc();

        for (int i = 0; i < 100; i++) {
            assertThat(cache.<String, StringBuilder>get("w" + i)).hasToString("aggregate " + i);
        }
    }

    @Test
    void beyondTheCapacityTheLeastRecentlyUsedEntryGoes() {
        AggregateCache cache = new AggregateCache(3);
        cache.put("a", "A");
        cache.put("b", "B");
        cache.put("c", "C");
        assertThat(cache.<String, String>get("a")).isEqualTo("A");

        cache.put("d", "D");

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.containsKey("d")).isTrue();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void removeEvictsAndPutIfAbsentKeepsTheFirstValue() {
        AggregateCache cache = new AggregateCache(10);
        assertThat(cache.putIfAbsent("a", "first")).isTrue();
        assertThat(cache.putIfAbsent("a", "second")).isFalse();
        assertThat(cache.<String, String>get("a")).isEqualTo("first");

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, String>get("a")).isNull();

        cache.put("b", "B");
        cache.put("c", "C");
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void computeFunctionsUseTheHeldValue() {
        AggregateCache cache = new AggregateCache(10);
        assertThat(cache.computeIfAbsent("a", () -> "made")).isEqualTo("made");
        assertThat(cache.computeIfAbsent("a", () -> "again")).isEqualTo("made");

        cache.<String>computeIfPresent("a", v -> v + " and changed");
        cache.<String>computeIfPresent("absent", v -> "never");

        assertThat(cache.<String, String>get("a")).isEqualTo("made and changed");
        assertThat(cache.containsKey("absent")).isFalse();
    }

    @Test
    void listenersHearWhatHappensToEntries() {
        AggregateCache cache = new AggregateCache(1);
        List<String> heard = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });
        cache.put("a", "A");
        cache.put("a", "A2");
        cache.put("b", "B");
        cache.remove("b");
        registration.cancel();
        cache.put("c", "C");

        assertThat(heard).containsExactly("created a", "updated a", "expired a", "created b", "removed b");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new AggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
