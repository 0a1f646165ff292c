package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class ChunkedTailEngineTest {

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final ChunkedTailEngine engine = new ChunkedTailEngine(store);

    @Test
    void theSharedReaderReadsAChunkAFetchAndOtherStreamsReadToTheHead() {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < ChunkedTailEngine.CHUNK + 500; i++) {
            events.add(new GenericDomainEventMessage<>("Workshop", "w", i, "event " + i));
        }
        engine.appendEvents(events);

        assertThat(engine.readEvents(null, true).count()).isEqualTo(ChunkedTailEngine.CHUNK);
        assertThat(engine.readEvents(null, false).count()).isEqualTo(ChunkedTailEngine.CHUNK + 500);
        // The next fetch starts where the last one ended.
        var first = engine.readEvents(null, true).toList();
        var next = engine.readEvents(first.get(first.size() - 1).trackingToken(), true).toList();
        assertThat(next).hasSize(500);
        assertThat(next.get(0).getPayload()).isEqualTo("event " + ChunkedTailEngine.CHUNK);
    }

    @Test
    void everythingElseIsTheEnginesOwn() {
        engine.appendEvents(new GenericDomainEventMessage<>("Workshop", "w", 0, "scheduled"),
                new GenericDomainEventMessage<>("Workshop", "w", 1, "edited"));

        assertThat(engine.readEvents("w").asStream().map(e -> (Object) e.getPayload()))
                .containsExactly("scheduled", "edited");
        assertThat(engine.readEvents("w", 1).asStream().map(e -> (Object) e.getPayload())).containsExactly("edited");
        assertThat(engine.lastSequenceNumberFor("w")).contains(1L);
        assertThat(engine.createHeadToken()).isEqualTo(store.createHeadToken());
        assertThat(engine.createTailToken()).isEqualTo(store.createTailToken());
        assertThat(engine.readSnapshot("w")).isEmpty();
    }
}
