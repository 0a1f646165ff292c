package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.query.replay.ReadModels;
import org.carpentries.amy.support.AmyIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How Axon is wired. Its handler timeouts stay off: they wrap every handler invocation (each event an aggregate is rebuilt from, each
 * event every projection handles) in a task that walks the thread's stack (docs/architecture.md).
 */
class AxonWiringIT extends AmyIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ReadModels readModels;
    @Autowired
    TransactionManager commandTransactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    EntityManagerProvider entityManagers;
    @Autowired
    @Qualifier("serializer")
    Serializer serializer;

    @Autowired
    NotifyingEventSource readModelSource;

    /**
     * Every read model's processor reads the store as itself, so a commit wakes only the processors with a handler
     * for one of its events (NotifyingEventSource).
     */
    @Test
    void everyReadModelsProcessorReadsTheStoreAsItself() {
        // A processor opens its stream on its coordinator's thread, and again after a rebuild has switched it in.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(readModelSource.processorsReading()).containsAll(processors()));
    }

    private Set<String> processors() {
        return readModels.names().stream().map(readModels::processorName).collect(Collectors.toSet());
    }

    /**
     * The models that every write of a workshop, task or award touches share one processor (application.yml): its
     * batch handles each event for all of them in one transaction. The others have processors of their own.
     */
    @Test
    void theModelsTheWritesTouchShareOneProcessor() {
        assertThat(readModels.modelsOf("workshops-people-audit"))
                .containsExactlyInAnyOrder("workshops", "published", "persons", "people-exports", "audit");
        for (String name : List.of("tags", "organisations", "airports", "lessons", "roles", "knowledge-domains",
                "badges")) {
            assertThat(readModels.processorName(name)).isEqualTo(name);
            assertThat(readModels.modelsOf(name)).containsExactly(name);
        }
        assertThat(readModels.status("published").processor()).isEqualTo("workshops-people-audit");
        assertThat(readModels.modelsOf("not-a-processor")).isEmpty();
    }

    /**
     * The read models say which of them a commit wakes: a tag's creation is handled by the tags, the published export
     * and the audit log (which takes every event), not the other nine, so it wakes the processors of those three and
     * no other; a processor that is not a read model's is always woken.
     */
    @Test
    void aTagsCreationWakesOnlyTheReadModelsThatHandleIt() {
        assertThat(readModels.handling(TagCreated.class)).containsExactlyInAnyOrder("tags", "published", "audit");
        assertThat(processors().stream().filter(name -> readModelSource.wakes(name, TagCreated.class)))
                .containsExactlyInAnyOrder("tags", "workshops-people-audit");
        assertThat(readModelSource.wakes("not-a-read-model", TagCreated.class)).isTrue();
    }

    /**
     * A write waits until every segment of each read model it touches has its events (ReadModels), and a segment
     * whose batch had none of them moves past without a unit of work, so no batch would wake the write: each read
     * model's processor has one segment.
     */
    @Test
    void everyReadModelHasOneSegment() {
        for (String name : processors()) {
            assertThat(commandTransactions.fetchInTransaction(() -> tokenStore.fetchSegments(name))).as(name)
                    .hasSize(1);
        }
    }

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

    /**
     * Storing a processor's token makes its transaction commit without waiting for the disk (ProjectionTokenStore):
     * a read model's batch stores its token last, in the batch's transaction. A transaction that stores no token (a
     * command's; a processor's before it stores one) keeps the server's setting. (The tests' embedded server may have
     * it off already: hence the setting's source.)
     */
    @Test
    void storingATokenMakesItsTransactionCommitWithoutWaitingForTheDiskAndCommandsWait() {
        String processor = "wiring-" + UUID.randomUUID();
        commandTransactions.executeInTransaction(() -> tokenStore.initializeTokenSegments(processor, 1));
        try {
            String name = readModels.names().get(0);
            List<String> seen = processing.transactionManager(name).fetchInTransaction(() -> {
                String before = synchronousCommit();
                tokenStore.fetchToken(processor, 0);
                String claimed = synchronousCommit();
                tokenStore.storeToken(GapAwareTrackingToken.newInstance(3, Set.of()), processor, 0);
                return List.of(before, claimed, synchronousCommit());
            });
            assertThat(seen.subList(0, 2)).allSatisfy(setting -> assertThat(setting).endsWith("the server's"));
            assertThat(seen.get(2)).isEqualTo("off, set by the transaction");
            assertThat(commandTransactions.fetchInTransaction(this::synchronousCommit)).endsWith("the server's");
            assertThat(commandTransactions.fetchInTransaction(() -> tokenStore.fetchToken(processor, 0)))
                    .isEqualTo(GapAwareTrackingToken.newInstance(3, Set.of()));
        } finally {
            // Other tests of this context wait for every token to reach the newest event.
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processor);
        }
    }

    private String synchronousCommit() {
        return jdbc.queryForObject("""
                SELECT setting || CASE WHEN source = 'session' THEN ', set by the transaction' ELSE ', the server''s' END
                  FROM pg_settings WHERE name = 'synchronous_commit'""", String.class);
    }

    /**
     * The processors' tokens go through Axon's JDBC token store, which reads and moves on a token its JPA store
     * wrote on the same table (a database from before the switch keeps its positions), and back.
     */
    @Test
    void tokensAreStoredThroughJdbcAndReadTheTokensTheJpaStoreWrote() {
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        TokenStore jpa = JpaTokenStore.builder().entityManagerProvider(entityManagers).serializer(serializer).build();
        String processor = "wiring-" + UUID.randomUUID();
        GapAwareTrackingToken written = GapAwareTrackingToken.newInstance(41, Set.of(7L, 39L));
        GapAwareTrackingToken moved = GapAwareTrackingToken.newInstance(42, Set.of(39L));

        commandTransactions.executeInTransaction(() -> jpa.initializeTokenSegments(processor, 1, written));
        commandTransactions.executeInTransaction(() -> {
            assertThat(tokenStore.fetchToken(processor, 0)).isEqualTo(written);
            tokenStore.storeToken(moved, processor, 0);
            tokenStore.releaseClaim(processor, 0);
        });
        assertThat(commandTransactions.fetchInTransaction(() -> jpa.fetchToken(processor, 0))).isEqualTo(moved);
        assertThat(jdbc.queryForObject("SELECT convert_from(token, 'UTF8') FROM token_entry WHERE processor_name = ?",
                String.class, processor)).contains("\"index\":42");
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", processor);
    }
}
