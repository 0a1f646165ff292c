package org.carpentries.amy.api.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Notes which events the current thread's command publishes (aggregate and sequence), so the caller can wait for
 * exactly those to reach the read models; commands run on the caller's thread with Axon's local command bus.
 */
public final class EventCapture implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ThreadLocal<List<Published>> CAPTURED = new ThreadLocal<>();

    /**
     * One published event by its aggregate and sequence number (the store assigns its global index), with its
     * payload's type, which says which read models it changes.
     */
    public record Published(String aggregateId, long sequence, Class<?> payloadType) {
    }

    /** Runs {@code work} and answers what it published; an enclosing capture sees those events too. */
    public static <R> Captured<R> during(java.util.function.Supplier<R> work) {
        List<Published> previous = CAPTURED.get();
        List<Published> events = new ArrayList<>();
        CAPTURED.set(events);
        try {
            R result = work.get();
            if (previous != null) {
                previous.addAll(events);
            }
            return new Captured<>(result, List.copyOf(events));
        } finally {
            if (previous == null) {
                CAPTURED.remove();
            } else {
                CAPTURED.set(previous);
            }
        }
    }

    /** A result with the events its command published. */
    public record Captured<R>(R result, List<Published> events) {
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            List<Published> events = CAPTURED.get();
            if (events != null && message instanceof DomainEventMessage<?> domain) {
                events.add(new Published(domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                        domain.getPayloadType()));
            }
            return message;
        };
    }
}
