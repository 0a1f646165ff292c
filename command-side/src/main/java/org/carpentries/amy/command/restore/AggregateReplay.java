package org.carpentries.amy.command.restore;

import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * An aggregate's state at an instant and now, evolved by the aggregate's own event-sourcing handlers, so a restore
 * reads history exactly as the write side does. "At T" is the record's events up to the first one after T.
 */
final class AggregateReplay {

    /** The aggregates' command handlers ask for beans a replay never calls; they resolve to nothing. */
    private static final ParameterResolverFactory PARAMETERS = new MultiParameterResolverFactory(
            ClasspathParameterResolverFactory.forClass(AggregateReplay.class),
            (executable, parameters, index) -> new FixedValueParameterResolver<>(null));
    private static final Map<Class<?>, AggregateModel<?>> MODELS = new ConcurrentHashMap<>();

    private AggregateReplay() {
    }

    /** A record's state at the instant ({@code then}: null before it existed) and now, with its version now. */
    record States<S>(S then, S now, long version) {
    }

    /** Empty when the store holds no event of {@code id}. */
    static <T, S> Optional<States<S>> of(EventStore store, Class<T> type, UUID id, Instant asOf,
                                         Function<T, S> state) {
        List<DomainEventMessage<?>> before = new ArrayList<>();
        List<DomainEventMessage<?>> after = new ArrayList<>();
        DomainEventStream stream = store.readEvents(id.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            (after.isEmpty() && !event.getTimestamp().isAfter(asOf) ? before : after).add(event);
        }
        if (before.isEmpty() && after.isEmpty()) {
            return Optional.empty();
        }
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(blank(type), model(type), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        S then = null;
        if (!before.isEmpty()) {
            aggregate.initializeState(DomainEventStream.of(before));
            then = state.apply(aggregate.getAggregateRoot());
        }
        if (!after.isEmpty()) {
            aggregate.initializeState(DomainEventStream.of(after));
        }
        return Optional.of(new States<>(then, state.apply(aggregate.getAggregateRoot()), aggregate.version()));
    }

    @SuppressWarnings("unchecked")
    private static <T> AggregateModel<T> model(Class<T> type) {
        return (AggregateModel<T>) MODELS.computeIfAbsent(type,
                t -> AnnotatedAggregateMetaModelFactory.inspectAggregate(t, PARAMETERS));
    }

    private static <T> T blank(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Aggregate " + type.getName() + " needs a no-argument constructor", e);
        }
    }
}
