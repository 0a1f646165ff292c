package org.carpentries.amy.command.tag;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.tag.events.TagDetailsChanged;
import org.carpentries.amy.command.tag.events.TagReinstated;
import org.carpentries.amy.command.tag.events.TagRetired;

/** A label for workshops. Nothing here ever reaches into a workshop. */
@Aggregate(cache = "aggregateCache")
public class Tag {

    @AggregateIdentifier
    private UUID tagId;
    private String name;
    private String details;
    private boolean retired;

    protected Tag() {
    }

    @CommandHandler
    Tag(CreateTag cmd, Lookups lookups) {
        if (!lookups.claim(UniqueKind.TAG_NAME, cmd.name(), cmd.tagId())) {
            throw new RuleViolation("tag-name-taken", "A tag named '" + cmd.name() + "' already exists.");
        }
        lookups.putReference(ReferenceKind.TAG, cmd.tagId(), cmd.name(), false);
        apply(new TagCreated(cmd.tagId(), cmd.name(), cmd.details()));
    }

    @CommandHandler
    void handle(EditTagDetails cmd) {
        if (details.equals(cmd.details())) {
            return;
        }
        apply(new TagDetailsChanged(tagId, cmd.details()));
    }

    @CommandHandler
    void handle(RetireTag cmd, Lookups lookups) {
        if (retired) {
            return;
        }
        lookups.putReference(ReferenceKind.TAG, tagId, name, true);
        apply(new TagRetired(tagId));
    }

    @CommandHandler
    void handle(ReinstateTag cmd, Lookups lookups) {
        if (!retired) {
            return;
        }
        lookups.putReference(ReferenceKind.TAG, tagId, name, false);
        apply(new TagReinstated(tagId));
    }

    /** What a restore compares. */
    public TagState state() {
        return new TagState(tagId, name, details, retired);
    }

    @EventSourcingHandler
    void on(TagCreated event) {
        tagId = event.tagId();
        name = event.name();
        details = event.details();
    }

    @EventSourcingHandler
    void on(TagDetailsChanged event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(TagRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(TagReinstated event) {
        retired = false;
    }
}
