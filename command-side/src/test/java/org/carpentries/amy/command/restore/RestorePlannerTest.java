package org.carpentries.amy.command.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.personal.InMemoryVault;
import org.carpentries.amy.command.tag.ReinstateTag;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.tag.events.TagDetailsChanged;
import org.carpentries.amy.command.tag.events.TagRetired;
import org.carpentries.amy.command.workshop.AssignTagToWorkshop;
import org.carpentries.amy.command.workshop.EditWorkshop;
import org.carpentries.amy.command.workshop.RestoreWorkshop;
import org.carpentries.amy.command.workshop.UnassignTagFromWorkshop;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.WorkshopNotesChanged;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans from a store in memory: events at known instants, the commands between the state then and now. */
class RestorePlannerTest {

    static final UUID W = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID HOST = UUID.fromString("00000000-0000-0000-0000-0000000000b0");
    static final UUID DC = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID SWC = UUID.fromString("00000000-0000-0000-0000-0000000000d3");
    static final Instant T0 = Instant.parse("2016-04-06T18:00:00Z");
    static final Instant T = Instant.parse("2016-04-06T19:05:00Z");
    static final Instant T1 = Instant.parse("2016-04-06T19:30:00Z");

    private InMemoryEventStorageEngine engine;
    private RestorePlanner planner;
    private final List<EventMessage<?>> recorded = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = new InMemoryEventStorageEngine();
        var store = EmbeddedEventStore.builder().storageEngine(engine).build();
        InMemoryLookups lookups = new InMemoryLookups();
        lookups.putReference(ReferenceKind.ORGANISATION, HOST, "esu.edu", false);
        lookups.putReference(ReferenceKind.TAG, DC, "DC", false);
        lookups.putReference(ReferenceKind.TAG, SWC, "SWC", false);
        lookups.putReference(ReferenceKind.WORKSHOP, W, "2016-05-06-esu", false);
        planner = new RestorePlanner(store, null, lookups, new PersonRestores(store, new InMemoryVault()));
    }

    @Test
    void anArchivedWorkshopIsRestoredThenGetsItsTagsAndFieldsBack() {
        record(W, T0, scheduled(), new TagAssignedToWorkshop(W, DC));
        record(W, T1, new WorkshopNotesChanged(W, "moved"), new TagAssignedToWorkshop(W, SWC),
                new TagUnassignedFromWorkshop(W, DC), new WorkshopArchived(W));

        RestorePlan plan = planner.plan(new RestoreRecord(RestoreKind.WORKSHOP, W, T, false, true));

        assertThat(plan.commands()).extracting(RestoreStep::command).startsWith(new RestoreWorkshop(W),
                new AssignTagToWorkshop(W, DC), new UnassignTagFromWorkshop(W, SWC));
        EditWorkshop edit = (EditWorkshop) plan.commands().get(3).command();
        assertThat(edit.patch().notes()).isEqualTo(Change.to(""));
        assertThat(edit.patch().slug()).isNull();
        assertThat(plan.commands()).hasSize(4);
        assertThat(plan.commands().get(3).arguments()).isEqualTo(Map.of("notes", ""));
        assertThat(plan.diff().get(0).changes()).extracting(RecordDiff.FieldChange::field)
                .containsExactly("notes", "tags", "archived");
        assertThat(plan.diff().get(0).changes().get(1).old()).isEqualTo(List.of("SWC"));
        assertThat(plan.diff().get(0).changes().get(1).newValue()).isEqualTo(List.of("DC"));
    }

    @Test
    void changesThatCancelOutLeaveNothingToRestore() {
        record(W, T0, scheduled(), new TagAssignedToWorkshop(W, DC));
        record(W, T1, new WorkshopNotesChanged(W, "moved"), new WorkshopNotesChanged(W, ""));

        RestorePlan plan = planner.plan(new RestoreRecord(RestoreKind.WORKSHOP, W, T, false, true));

        assertThat(plan.commands()).isEmpty();
        assertThat(plan.diff()).isEmpty();
    }

    @Test
    void aRecordThatDidNotExistThenOrAtAllIsRefused() {
        record(W, T1, scheduled(), new TagAssignedToWorkshop(W, DC));

        assertThatThrownBy(() -> planner.plan(new RestoreRecord(RestoreKind.WORKSHOP, W, T, false, true)))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("restore-before-creation");
        assertThatThrownBy(() -> planner.plan(new RestoreRecord(RestoreKind.TAG, DC, T, false, true)))
                .isInstanceOf(RecordNotFound.class).extracting("code").isEqualTo("tag-not-found");
    }

    @Test
    void aRetiredTagIsReinstatedWithItsDetails() {
        record(DC, T0, new TagCreated(DC, "DC", "Data Carpentry"));
        record(DC, T1, new TagDetailsChanged(DC, "gone"), new TagRetired(DC));

        RestorePlan plan = planner.plan(new RestoreRecord(RestoreKind.TAG, DC, T, false, true));

        assertThat(plan.commands()).extracting(RestoreStep::type).containsExactly("EditTagDetails",
                "ReinstateTag");
        assertThat(plan.commands().get(1).command()).isEqualTo(new ReinstateTag(DC));
        assertThat(plan.diff().get(0).changes()).extracting(RecordDiff.FieldChange::field)
                .containsExactly("details", "retired");
    }

    private static WorkshopScheduled scheduled() {
        return new WorkshopScheduled(W, "2016-05-06-esu", HOST, null, LocalDate.of(2016, 5, 6),
                LocalDate.of(2016, 5, 7), "https://esu.github.io/2016-05-06-esu/", null, null, null,
                InvoiceStatus.UNKNOWN, "", "", "US", "Main hall", "1 Main St", 33.7, -84.4, "", "", "", "", "", null);
    }

    private void record(UUID aggregate, Instant at, Object... payloads) {
        long sequence = recorded.stream().filter(e -> e instanceof GenericDomainEventMessage<?> d
                && d.getAggregateIdentifier().equals(aggregate.toString())).count();
        List<EventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>("Aggregate", aggregate.toString(), sequence++, payload,
                    Map.of(), UUID.randomUUID().toString(), at));
        }
        recorded.addAll(events);
        engine.appendEvents(events);
    }
}
