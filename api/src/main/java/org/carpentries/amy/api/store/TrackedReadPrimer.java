package org.carpentries.amy.api.store;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Reads the store once as the event processors will, with and without a gap in the position, before they start.
 * <p>
 * Axon's JPA engine reads the store with one of two JPQL queries (a position with gaps or without), and Hibernate
 * parses a query the first time it sees it. Every processor's coordinator starts at the same moment and finds the
 * query not yet parsed, so each parsed it anew: at start, the eight coordinators spent about 2 s of CPU in the
 * parser, on a machine of two cores that the main thread and the compilers already fill (docs/benchmarks.md). Read
 * here first, each query is parsed once and the coordinators find it in Hibernate's query plan cache. The positions
 * lie beyond any store's end, so the reads find nothing; the JDBC engine reads in SQL and loses only two reads.
 */
final class TrackedReadPrimer implements SmartInitializingSingleton {

    /** Beyond the end of any store: no event is read. */
    static final long BEYOND = Long.MAX_VALUE / 2;
    private final ObjectProvider<EventStorageEngine> engine;

    TrackedReadPrimer(ObjectProvider<EventStorageEngine> engine) {
        this.engine = engine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventStorageEngine store = engine.getIfAvailable();
        if (store == null) {
            return;
        }
        for (GapAwareTrackingToken position : List.of(GapAwareTrackingToken.newInstance(BEYOND, List.of()),
                GapAwareTrackingToken.newInstance(BEYOND, List.of(BEYOND - 1)))) {
            try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(position, false)) {
                events.findFirst();
            }
        }
    }
}
