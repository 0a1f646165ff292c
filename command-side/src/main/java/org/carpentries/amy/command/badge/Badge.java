package org.carpentries.amy.command.badge;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.badge.events.BadgeCreated;
import org.carpentries.amy.command.badge.events.BadgeCriteriaChanged;
import org.carpentries.amy.command.badge.events.BadgeReinstated;
import org.carpentries.amy.command.badge.events.BadgeRetired;
import org.carpentries.amy.command.badge.events.BadgeTitleChanged;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;

/** A badge; its name is unique and never changes, since exports and the websites know badges by it. */
@Aggregate(cache = "aggregateCache")
public class Badge {

    @AggregateIdentifier
    private UUID badgeId;
    private String name;
    private String title;
    private String criteria;
    private boolean retired;

    protected Badge() {
    }

    @CommandHandler
    Badge(CreateBadge cmd, Lookups lookups) {
        if (!lookups.claim(UniqueKind.BADGE_NAME, cmd.name(), cmd.badgeId())) {
            throw new RuleViolation("badge-name-taken", "A badge named '" + cmd.name() + "' already exists.");
        }
        lookups.putReference(ReferenceKind.BADGE, cmd.badgeId(), cmd.name(), false);
        apply(new BadgeCreated(cmd.badgeId(), cmd.name(), cmd.title(), cmd.criteria()));
    }

    @CommandHandler
    void handle(EditBadge cmd) {
        if (cmd.title() != null && !cmd.title().value().equals(title)) {
            apply(new BadgeTitleChanged(badgeId, cmd.title().value()));
        }
        if (cmd.criteria() != null && !cmd.criteria().value().equals(criteria)) {
            apply(new BadgeCriteriaChanged(badgeId, cmd.criteria().value()));
        }
    }

    @CommandHandler
    void handle(RetireBadge cmd, Lookups lookups) {
        if (retired) {
            return;
        }
        lookups.putReference(ReferenceKind.BADGE, badgeId, name, true);
        apply(new BadgeRetired(badgeId));
    }

    @CommandHandler
    void handle(ReinstateBadge cmd, Lookups lookups) {
        if (!retired) {
            return;
        }
        lookups.putReference(ReferenceKind.BADGE, badgeId, name, false);
        apply(new BadgeReinstated(badgeId));
    }

    @EventSourcingHandler
    void on(BadgeCreated event) {
        badgeId = event.badgeId();
        name = event.name();
        title = event.title();
        criteria = event.criteria();
    }

    @EventSourcingHandler
    void on(BadgeTitleChanged event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(BadgeCriteriaChanged event) {
        criteria = event.criteria();
    }

    @EventSourcingHandler
    void on(BadgeRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(BadgeReinstated event) {
        retired = false;
    }
}
