package org.carpentries.amy.api.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
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
 *
 * <p>A processor that reads through {@link #forProcessor(String)} is woken only by commits with an event it may have a
 * handler for ({@link #handledBy}): the others would only move its position past events it skips, which it does at
 * its next claim interval (a second) or with the next event it handles. Every processor woken on every commit cost a
 * coordinator's and a worker's wake-up each, for seven to ten of the twelve read models on a typical write.
 */
public class NotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore store;
    /** The open streams of this source and of every processor's view of it ({@link #forProcessor}). */
    private final Set<NotifyingStream> streams;
    /** The processor reading this view of the source; null for the source itself. */
    private final String processor;
    /** The source this is a view of; itself for the source. */
    private final NotifyingEventSource source;
    /** Whether a processor may handle a payload type; until known, every commit wakes every stream. */
    private volatile BiPredicate<String, Class<?>> handles;
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
        this.streams = ConcurrentHashMap.newKeySet();
        this.processor = null;
        this.source = this;
    }

    private NotifyingEventSource(NotifyingEventSource source, String processor) {
        this.store = source.store;
        this.streams = source.streams;
        this.processor = processor;
        this.source = source;
    }

    /** Events of {@code payloadTypes} were committed: wake the streams of the processors that handle any of them. */
    public void eventsCommitted(Collection<Class<?>> payloadTypes) {
        for (NotifyingStream stream : streams) {
            for (Class<?> type : payloadTypes) {
                if (wakes(stream.processor, type)) {
                    stream.wake();
                    break;
                }
            }
        }
    }

    /**
     * Whether a commit with an event of {@code payloadType} wakes the streams of {@code processor}: those of a
     * processor that may handle it, of one not known ({@code null}), and every stream until {@link #handledBy}.
     */
    public boolean wakes(String processor, Class<?> payloadType) {
        BiPredicate<String, Class<?>> known = source.handles;
        return processor == null || known == null || known.test(processor, payloadType);
    }

    /**
     * Says whether a processor may handle a payload type (true for one it knows nothing of), so that a commit wakes
     * only the processors that handle its events.
     */
    public void handledBy(BiPredicate<String, Class<?>> processorHandles) {
        source.handles = processorHandles;
    }

    /** The processors reading open streams of this source as themselves ({@link #forProcessor}). */
    public Set<String> processorsReading() {
        Set<String> names = new TreeSet<>();
        streams.forEach(s -> {
            if (s.processor != null) {
                names.add(s.processor);
            }
        });
        return names;
    }

    /** This source as processor {@code name} reads it: its streams are woken only by commits it has handlers for. */
    public NotifyingEventSource forProcessor(String name) {
        return new NotifyingEventSource(source, name);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        NotifyingStream stream = new NotifyingStream(store.openStream(trackingToken), processor);
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
        /** The processor reading this stream; null when not known (every commit wakes it). */
        private final String processor;
        private volatile Runnable callback;
        /** When the last local commit was announced (0: none within the window). */
        private volatile long expectingSince;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate, String processor) {
            this.delegate = delegate;
            this.processor = processor;
        }

        /** A commit this stream's processor should see: look for it, and ask the processor to look. */
        void wake() {
            expectEvents();
            Runnable now = callback;
            if (now != null) {
                now.run();
            }
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
            callback = newCallback;
            return true;
        }

        @Override
        public void close() {
            callback = null;
            streams.remove(this);
            delegate.close();
        }

        @Override
        public java.util.stream.Stream<TrackedEventMessage<?>> asStream() {
            return delegate.asStream();
        }
    }
}
