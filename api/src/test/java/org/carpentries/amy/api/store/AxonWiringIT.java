package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.carpentries.amy.support.AmyIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * How Axon is wired. Its handler timeouts stay off: they wrap every handler invocation (each event an aggregate is rebuilt from, each
 * event every projection handles) in a task that walks the thread's stack (docs/architecture.md).
 */
class AxonWiringIT extends AmyIT {

    @Autowired
    ApplicationContext context;

    @Test
    void noHandlerIsWrappedInATimeout() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }

    /** The event store's shared reader fetches in chunks, whichever engine is configured (ChunkedTailEngine). */
    @Test
    void theStorageEngineIsReadInChunksByTheSharedReader() {
        assertThat(context.getBeansOfType(EventStorageEngine.class).values())
                .singleElement().isInstanceOf(ChunkedTailEngine.class);
    }
}
