package org.carpentries.amy.api.deadletters;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.carpentries.amy.api.problem.BadRequest;
import org.carpentries.amy.api.store.DeadLetterPolicy;
import org.carpentries.amy.api.store.ProjectionSavepoints;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.query.replay.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The projections' dead-letter queues, one per read model's processing group. */
@Component
class DeadLetters implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private final EventProcessingConfiguration processing;
    private final ReadModels readModels;
    private final TransactionTemplate tx;
    private final ProjectionSavepoints savepoints;

    DeadLetters(EventProcessingConfiguration processing, ReadModels readModels,
                PlatformTransactionManager transactions, ProjectionSavepoints savepoints) {
        this.processing = processing;
        this.readModels = readModels;
        this.tx = new TransactionTemplate(transactions);
        this.savepoints = savepoints;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : readModels.names()) {
            Gauge.builder("amy.dead_letters", this, d -> d.count(group))
                    .description("Events the read model's projection could not apply, waiting for a retry or eviction")
                    .tag("group", group)
                    .register(registry);
        }
    }

    /** Every group's letters, or one group's ({@code group} must name a read model). */
    List<DeadLetterGroup> list(Optional<String> group) {
        List<String> groups = group.map(g -> {
            if (!readModels.names().contains(g)) {
                throw new BadRequest("unknown-processing-group", "No processing group " + g + "; one of "
                        + readModels.names() + ".");
            }
            return List.of(g);
        }).orElse(readModels.names());
        List<DeadLetterGroup> all = new ArrayList<>();
        for (String name : groups) {
            all.add(tx.execute(s -> group(name)));
        }
        return all;
    }

    private DeadLetterGroup group(String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        List<DeadLetterView> letters = new ArrayList<>();
        long sequences = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            sequences++;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(view(letter));
            }
        }
        return new DeadLetterGroup(name, letters.size(), sequences, letters);
    }

    /** Retries one sequence, or all of the group's, each in order until its first failure. */
    RetryResult retry(String group, Optional<String> sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new RecordNotFound("processing-group", group));
        Set<String> sequences = new LinkedHashSet<>();
        if (sequence.isPresent()) {
            String id = sequence.get();
            if (!Boolean.TRUE.equals(tx.execute(s -> queue.contains(id)))) {
                throw new RecordNotFound("dead-letter-sequence", group + "/" + id);
            }
            sequences.add(id);
        } else {
            tx.executeWithoutResult(s -> queue.deadLetters().forEach(letters -> letters.forEach(
                    letter -> sequences.add(sequenceId(letter)))));
        }
        List<String> resolved = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        // A letter that fails again is requeued in the retry's transaction, after the handler's failed statement.
        savepoints.expectFailures();
        for (String id : sequences) {
            processor.process(letter -> id.equals(sequenceId(letter)));
            boolean left = Boolean.TRUE.equals(tx.execute(s -> queue.contains(id)));
            (left ? failing : resolved).add(id);
        }
        log.info("Retried dead letters of {}: {} resolved, {} still failing {}", group, resolved.size(),
                failing.size(), failing);
        return new RetryResult(group, resolved, failing);
    }

    /** Drops a sequence's letters for good: the read model will never apply those events, short of a rebuild. */
    int evict(String group, String sequence, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequest("reason-required", "Evicting dead letters needs a reason (?reason=...).");
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetterView> evicted = tx.execute(s -> {
            List<DeadLetterView> views = new ArrayList<>();
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequence).forEach(letters::add);
            for (DeadLetter<? extends EventMessage<?>> letter : letters) {
                views.add(view(letter));
                queue.evict(letter);
            }
            return views;
        });
        if (evicted == null || evicted.isEmpty()) {
            throw new RecordNotFound("dead-letter-sequence", group + "/" + sequence);
        }
        log.warn("Evicted {} dead letter(s) of {} sequence {} by {}, reason: {}; events: {}", evicted.size(), group,
                sequence, actor, reason, evicted.stream()
                        .map(v -> v.eventType() + "@" + v.globalPosition() + " " + v.eventId()).toList());
        return evicted.size();
    }

    private double count(String group) {
        return processing.deadLetterQueue(group)
                .map(q -> tx.execute(s -> q.size()))
                .map(Long::doubleValue)
                .orElse(Double.NaN);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!readModels.names().contains(group)) {
            throw new RecordNotFound("processing-group", group);
        }
        return processing.deadLetterQueue(group).orElseThrow(() -> new RecordNotFound("dead-letter-queue", group));
    }

    /**
     * The sequence a letter belongs to, as the processors' sequencing policy (Axon's default, per aggregate) gives it:
     * the aggregate, or the event itself for an event without one. Not read from the JPA letter, whose class drags
     * the javax.persistence annotations of Axon's legacy entity into the compilation.
     */
    private static String sequenceId(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long position = message instanceof TrackedEventMessage<?> t && t.trackingToken() != null
                ? t.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Optional<Cause> cause = letter.cause();
        return new DeadLetterView(sequenceId(letter), message.getPayloadType().getSimpleName(),
                message.getIdentifier(), position, domain == null ? null : domain.getType(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), cause.map(Cause::type).orElse(null),
                cause.map(Cause::message).orElse(null), letter.enqueuedAt(), letter.lastTouched(),
                DeadLetterPolicy.retries(letter));
    }
}
