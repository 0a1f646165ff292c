package org.carpentries.amy.command.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.carpentries.amy.command.Metadata;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.personal.InMemoryVault;
import org.carpentries.amy.command.tag.ReinstateTag;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.tag.events.TagDetailsChanged;
import org.carpentries.amy.command.tag.events.TagRetired;
import org.carpentries.amy.command.tag.EditTagDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The restore command sends what it planned, in order, each stamped with the instant restored; a refusal stops it. */
class RestorerTest {

    static final UUID DC = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final Instant T = Instant.parse("2016-04-06T19:05:00Z");

    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private SimpleCommandBus bus;
    private CommandGateway gateway;

    @BeforeEach
    void setUp() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        var store = EmbeddedEventStore.builder().storageEngine(engine).build();
        engine.appendEvents(List.<EventMessage<?>>of(
                event(0, new TagCreated(DC, "DC", "Data Carpentry"), Instant.parse("2016-01-01T00:00:00Z")),
                event(1, new TagDetailsChanged(DC, "gone"), T.plusSeconds(60)),
                event(2, new TagRetired(DC), T.plusSeconds(61))));
        bus = SimpleCommandBus.builder().build();
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        RestorePlanner planner = new RestorePlanner(store, null, new InMemoryLookups(),
                new PersonRestores(store, new InMemoryVault()));
        new AnnotationCommandHandlerAdapter<>(new Restorer(planner, gateway)).subscribe(bus);
    }

    @Test
    void appliesEachPlannedCommandWithTheInstantRestored() {
        recordEach(EditTagDetails.class.getName());
        recordEach(ReinstateTag.class.getName());

        RestorePlan plan = gateway.sendAndWait(new RestoreRecord(RestoreKind.TAG, DC, T, false, false));

        assertThat(sent.stream().map(c -> (Object) c.getPayload()).toList()).containsExactly(
                new EditTagDetails(DC, null, "Data Carpentry"), new ReinstateTag(DC));
        assertThat(sent).allSatisfy(c -> assertThat(c.getMetaData())
                .containsEntry(Metadata.RESTORED_AS_OF, "2016-04-06T19:05:00Z"));
        assertThat(plan.commands()).hasSize(2);
    }

    @Test
    void aDryRunSendsNothing() {
        recordEach(EditTagDetails.class.getName());
        recordEach(ReinstateTag.class.getName());

        RestorePlan plan = gateway.sendAndWait(new RestoreRecord(RestoreKind.TAG, DC, T, false, true));

        assertThat(sent).isEmpty();
        assertThat(plan.commands()).extracting(RestoreStep::type).containsExactly("EditTagDetails", "ReinstateTag");
    }

    @Test
    void theFirstRefusalStopsTheRestore() {
        bus.subscribe(EditTagDetails.class.getName(), message -> {
            throw new RuleViolation("refused", "No.");
        });
        recordEach(ReinstateTag.class.getName());

        assertThatThrownBy(() -> gateway.sendAndWait(new RestoreRecord(RestoreKind.TAG, DC, T, false, false)))
                .isInstanceOf(RuleViolation.class).hasMessage("No.");
        assertThat(sent).isEmpty();
    }

    private void recordEach(String commandName) {
        bus.subscribe(commandName, message -> {
            sent.add(message);
            return null;
        });
    }

    private static GenericDomainEventMessage<?> event(long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Tag", DC.toString(), sequence, payload, Map.of(),
                UUID.randomUUID().toString(), at);
    }
}
