package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    /** The store's last sequence numbers, by aggregate. */
    private final Map<String, Long> store = new HashMap<>();
    private final BoundedAggregateCache cache = new BoundedAggregateCache(2,
            id -> Optional.ofNullable(store.get(id)));

    @Test
    void theLeastRecentlyUsedLeavesFirstPastTheBound() {
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat(held("a")).isEqualTo("A");
        cache.put("c", "C");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(held("a")).isEqualTo("A");
        assertThat(held("c")).isEqualTo("C");
    }

    @Test
    void anEntryIsAnsweredOnlyWhileTheStoreHoldsNothingNewerThanItsVersion() {
        cache.put("thing", entry());
        Object cached = cache.get("thing");
        assertThat(cached).isInstanceOf(AggregateCacheEntry.class);

        store.put("thing", 0L);
        Object stale = cache.get("thing");
        assertThat(stale).isNull();
        assertThat(cache.containsKey("thing")).isFalse();
    }

    @Test
    void listenersHearWhatHappensToEntries() {
        List<String> heard = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
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
        assertThat(cache.putIfAbsent("a", "A3")).isFalse();
        assertThat(cache.putIfAbsent("b", "B")).isTrue();
        String computed = cache.computeIfAbsent("c", () -> "C");
        assertThat(computed).isEqualTo("C");
        cache.<String>computeIfPresent("c", v -> v + "!");
        assertThat(held("c")).isEqualTo("C!");
        assertThat(cache.remove("c")).isTrue();
        assertThat(cache.remove("c")).isFalse();
        registration.cancel();
        cache.removeAll();

        assertThat(heard).containsExactly("created a", "updated a", "created b", "created c", "expired a",
                "updated c", "removed c");
        assertThat(cache.size()).isZero();
    }

    @Test
    void holdsAtLeastOneAggregate() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0, id -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String held(String key) {
        return cache.get(key);
    }

    /** A cache entry of an aggregate that has applied no event yet: version none. */
    private static AggregateCacheEntry<Thing> entry() {
        AggregateModel<Thing> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Thing.class);
        return new AggregateCacheEntry<>(EventSourcedAggregate.initialize(new Thing(), model, null,
                NoSnapshotTriggerDefinition.TRIGGER));
    }

    static class Thing {
        @AggregateIdentifier
        String id = "thing";
    }
}
