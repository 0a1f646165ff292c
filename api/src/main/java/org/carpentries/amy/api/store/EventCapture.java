package org.carpentries.amy.api.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Notes which events the current thread's command publishes (aggregate and sequence), so the caller can wait for
 * exactly those to reach the read models; commands run on the caller's thread with Axon's local command bus.
 */
public final class EventCapture implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ThreadLocal<Frame> CAPTURED = new ThreadLocal<>();

    /**
     * One published event by its aggregate and sequence number (the store assigns its global index), with its
     * payload's type, which says which read models it changes.
     */
    public record Published(String aggregateId, long sequence, Class<?> payloadType) {
    }

    /** What one capture saw: the events dispatched, and the global index the store gave each, by aggregate. */
    private record Frame(List<Published> events, Map<String, Map<Long, Long>> positions) {
        Frame() {
            this(new ArrayList<>(), new HashMap<>());
        }

        void addAll(Frame other) {
            events.addAll(other.events);
            other.positions.forEach((aggregate, bySequence) ->
                    positions.computeIfAbsent(aggregate, a -> new HashMap<>()).putAll(bySequence));
        }

        Long position(Published event) {
            Map<Long, Long> bySequence = positions.get(event.aggregateId());
            return bySequence == null ? null : bySequence.get(event.sequence());
        }
    }

    /** Runs {@code work} and answers what it published; an enclosing capture sees those events too. */
    public static <R> Captured<R> during(java.util.function.Supplier<R> work) {
        Frame previous = CAPTURED.get();
        Frame frame = new Frame();
        CAPTURED.set(frame);
        try {
            R result = work.get();
            if (previous != null) {
                previous.addAll(frame);
            }
            List<Long> positions = new ArrayList<>(frame.events().size());
            for (Published event : frame.events()) {
                Long position = frame.position(event);
                if (position == null) {
                    positions = null;
                    break;
                }
                positions.add(position);
            }
            return new Captured<>(result, List.copyOf(frame.events()),
                    positions == null ? Optional.empty() : Optional.of(List.copyOf(positions)));
        } finally {
            if (previous == null) {
                CAPTURED.remove();
            } else {
                CAPTURED.set(previous);
            }
        }
    }

    /**
     * Notes the global index the store gave an event the current thread's command appended. The JPA storage engine
     * takes it from the event table's sequence when the entry is persisted ({@link StoredPositions}, declared in
     * META-INF/orm.xml); it is the caller's thread that commits a command's unit of work.
     */
    static void stored(String aggregateId, long sequence, long globalIndex) {
        Frame frame = CAPTURED.get();
        if (frame != null) {
            frame.positions().computeIfAbsent(aggregateId, a -> new HashMap<>()).put(sequence, globalIndex);
        }
    }

    /**
     * A result with the events its command published and, when the store reported every one of them as it stored
     * it, their global positions, the position of each event at the same index as the event (empty otherwise:
     * another storage engine, say).
     */
    public record Captured<R>(R result, List<Published> events, Optional<List<Long>> positions) {
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            Frame frame = CAPTURED.get();
            if (frame != null && message instanceof DomainEventMessage<?> domain) {
                frame.events().add(new Published(domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                        domain.getPayloadType()));
            }
            return message;
        };
    }
}
