package org.carpentries.amy.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine with the event store's shared reader reading at most {@link #CHUNK} events a fetch.
 * <p>
 * Axon's {@code EmbeddedEventStore} keeps the events its shared reader fetched for the processors in a linked list,
 * and each fetch holds on to the list's newest node from before the fetch until the fetch ends; a fetch reads until
 * the store's head. When the processors were stopped while many events were written (loading the benchmark data
 * set, an import) the reader's next fetch reads all of them, and every one stays in memory until it ends: 95,801
 * events right after loading the quick data set, and an {@code OutOfMemoryError} at 256 MiB after the full one
 * (docs/benchmarks.md). The shared reader is the only caller that may block ({@code mayBlock}); it fetches again at
 * once after a fetch that found events, so a chunk costs nothing but bounds what a fetch holds. The processors'
 * own catch-up streams ({@code mayBlock} false) read as before.
 */
final class ChunkedTailEngine implements EventStorageEngine {

    /** Events the shared reader reads in one fetch: a tenth of the store's default cache of 10,000. */
    static final int CHUNK = 1_000;
    private final EventStorageEngine delegate;

    ChunkedTailEngine(EventStorageEngine delegate) {
        this.delegate = delegate;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(CHUNK) : events;
    }

    @Override
    public void appendEvents(EventMessage<?>... events) {
        delegate.appendEvents(events);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
