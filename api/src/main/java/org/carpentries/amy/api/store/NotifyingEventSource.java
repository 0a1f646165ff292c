package org.carpentries.amy.api.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the read models' source, with streams that accept Axon's "events available" callback and
 * fire it after every local commit. Without it a pooled processor that finds nothing to do looks again only after
 * 500 ms, so every write would wait that long for its read models. Events committed by other nodes are still seen
 * at the processor's token claim interval.
 */
public class NotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Set<NotifyingStream> streams = ConcurrentHashMap.newKeySet();
    /** How long a woken stream waits for the store's reader to fetch what was just committed. */
    private static final int FETCH_WAIT_MILLIS = 20;
    /** How long after a commit an empty stream keeps looking for it. */
    private static final int EXPECT_MILLIS = 2_000;
    /** How soon a processor whose check found nothing is asked to look again, within that window. */
    private static final int RETRY_MILLIS = 10;
    private static final ScheduledExecutorService RETRY = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "amy-read-model-wake");
        t.setDaemon(true);
        return t;
    });

    public NotifyingEventSource(EventStore store) {
        this.store = store;
    }

    /** New events were committed: wake every waiting stream. */
    public void eventsCommitted() {
        streams.forEach(NotifyingStream::expectEvents);
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        NotifyingStream stream = new NotifyingStream(store.openStream(trackingToken));
        streams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;
        /** When the last local commit was announced (0: none within the window). */
        private volatile long expectingSince;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        void expectEvents() {
            expectingSince = System.nanoTime() | 1;
        }

        /**
         * Right after a commit the store's shared reader may not have fetched the new events yet, and on a busy
         * machine it may take longer than one short wait. For two seconds after a commit, a check
         * that finds nothing waits briefly and, still finding nothing, asks the processor to look again shortly,
         * instead of letting it sleep until its token claim interval.
         */
        @Override
        public boolean hasNextAvailable() {
            if (delegate.hasNextAvailable()) {
                return true;
            }
            long since = expectingSince;
            if (since == 0) {
                return false;
            }
            if (System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(EXPECT_MILLIS)) {
                expectingSince = 0;
                return false;
            }
            try {
                if (delegate.hasNextAvailable(FETCH_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Runnable again = callback;
            if (again != null) {
                RETRY.schedule(again, RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            Runnable old = callback;
            if (old != null) {
                callbacks.remove(old);
            }
            callback = newCallback;
            callbacks.add(newCallback);
            return true;
        }

        @Override
        public void close() {
            Runnable old = callback;
            if (old != null) {
                callbacks.remove(old);
            }
            streams.remove(this);
            delegate.close();
        }

        @Override
        public java.util.stream.Stream<TrackedEventMessage<?>> asStream() {
            return delegate.asStream();
        }
    }
}
