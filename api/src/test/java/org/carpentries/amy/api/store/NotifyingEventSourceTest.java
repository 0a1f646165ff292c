package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A commit wakes the streams of the processors that may handle one of its events, and every stream whose processor
 * is not known; before the processors have said what they handle, every stream.
 */
class NotifyingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final NotifyingEventSource source = new NotifyingEventSource(store);
    private final AtomicInteger tags = new AtomicInteger();
    private final AtomicInteger organisations = new AtomicInteger();
    private final AtomicInteger unnamed = new AtomicInteger();
    private final List<BlockingStream<TrackedEventMessage<?>>> streams = List.of(
            counting(source.forProcessor("tags").openStream(null), tags),
            counting(source.forProcessor("organisations").openStream(null), organisations),
            counting(source.openStream(null), unnamed));

    @AfterEach
    void close() {
        streams.forEach(BlockingStream::close);
        store.shutDown();
    }

    @Test
    void untilTheProcessorsSayWhatTheyHandleEveryCommitWakesEveryStream() {
        source.eventsCommitted(Set.of(String.class));

        assertThat(List.of(tags.get(), organisations.get(), unnamed.get())).containsExactly(1, 1, 1);
    }

    @Test
    void aCommitWakesOnlyTheProcessorsThatHandleOneOfItsEventsAndThoseNotKnown() {
        source.handledBy((processor, type) -> switch (processor) {
            case "tags" -> type == String.class;
            case "organisations" -> type == Integer.class;
            default -> true;
        });

        source.eventsCommitted(Set.of(String.class));
        source.eventsCommitted(Set.of(Long.class, Integer.class));
        source.eventsCommitted(Set.of(Long.class));

        assertThat(tags).hasValue(1);
        assertThat(organisations).hasValue(1);
        assertThat(unnamed).hasValue(3);
        assertThat(source.processorsReading()).containsExactly("organisations", "tags");
    }

    @Test
    void aClosedStreamIsNoLongerWoken() {
        streams.get(0).close();

        source.eventsCommitted(Set.of(String.class));

        assertThat(List.of(tags.get(), organisations.get(), unnamed.get())).containsExactly(0, 1, 1);
        assertThat(source.processorsReading()).containsExactly("organisations");
    }

    private static BlockingStream<TrackedEventMessage<?>> counting(BlockingStream<TrackedEventMessage<?>> stream,
                                                                   AtomicInteger wakes) {
        stream.setOnAvailableCallback(wakes::incrementAndGet);
        return stream;
    }
}
