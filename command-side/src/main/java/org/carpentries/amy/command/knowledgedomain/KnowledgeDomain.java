package org.carpentries.amy.command.knowledgedomain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainCreated;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainReinstated;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRenamed;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRetired;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;

/** A knowledge domain; its name is unique. */
@Aggregate(cache = "aggregateCache")
public class KnowledgeDomain {

    @AggregateIdentifier
    private UUID knowledgeDomainId;
    private String name;
    private boolean retired;

    protected KnowledgeDomain() {
    }

    @CommandHandler
    KnowledgeDomain(CreateKnowledgeDomain cmd, Lookups lookups) {
        claim(cmd.knowledgeDomainId(), cmd.name(), lookups);
        lookups.putReference(ReferenceKind.KNOWLEDGE_DOMAIN, cmd.knowledgeDomainId(), cmd.name(), false);
        apply(new KnowledgeDomainCreated(cmd.knowledgeDomainId(), cmd.name()));
    }

    @CommandHandler
    void handle(RenameKnowledgeDomain cmd, Lookups lookups) {
        if (cmd.name().equals(name)) {
            return;
        }
        claim(knowledgeDomainId, cmd.name(), lookups);
        lookups.release(UniqueKind.KNOWLEDGE_DOMAIN_NAME, name, knowledgeDomainId);
        lookups.putReference(ReferenceKind.KNOWLEDGE_DOMAIN, knowledgeDomainId, cmd.name(), retired);
        apply(new KnowledgeDomainRenamed(knowledgeDomainId, cmd.name()));
    }

    @CommandHandler
    void handle(RetireKnowledgeDomain cmd, Lookups lookups) {
        if (retired) {
            return;
        }
        lookups.putReference(ReferenceKind.KNOWLEDGE_DOMAIN, knowledgeDomainId, name, true);
        apply(new KnowledgeDomainRetired(knowledgeDomainId));
    }

    @CommandHandler
    void handle(ReinstateKnowledgeDomain cmd, Lookups lookups) {
        if (!retired) {
            return;
        }
        lookups.putReference(ReferenceKind.KNOWLEDGE_DOMAIN, knowledgeDomainId, name, false);
        apply(new KnowledgeDomainReinstated(knowledgeDomainId));
    }

    private static void claim(UUID id, String name, Lookups lookups) {
        if (!lookups.claim(UniqueKind.KNOWLEDGE_DOMAIN_NAME, name, id)) {
            throw new RuleViolation("knowledge-domain-name-taken",
                    "A knowledge domain named '" + name + "' already exists.");
        }
    }

    @EventSourcingHandler
    void on(KnowledgeDomainCreated event) {
        knowledgeDomainId = event.knowledgeDomainId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(KnowledgeDomainRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(KnowledgeDomainRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(KnowledgeDomainReinstated event) {
        retired = false;
    }
}
