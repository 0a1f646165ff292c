package org.carpentries.amy.api.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.function.Supplier;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.carpentries.amy.command.Metadata;
import org.carpentries.amy.command.workshop.upcasting.WorkshopLocationChangedV1ToV2Upcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.SingletonSupplier;

@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /**
     * Aggregates stay in memory between commands instead of being replayed from their events each time: the
     * {@code amy.aggregates.cache-size} most recently used (default 10,000), each checked against the store's last
     * sequence number of its aggregate before it is used ({@link BoundedAggregateCache}). Axon's
     * {@code WeakReferenceCache}, used until 2026-12-07, lost its entries at every garbage collection.
     */
    @Bean
    Cache aggregateCache(@Value("${amy.aggregates.cache-size:10000}") int size, ObjectProvider<EventStore> eventStore) {
        Supplier<EventStore> store = SingletonSupplier.of(eventStore::getObject);
        return new BoundedAggregateCache(size, id -> store.get().lastSequenceNumberFor(id));
    }

    /**
     * The mapper that writes events, tokens and metadata. Axon picks it up by name, so the web layer's settings
     * never change what is stored.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /**
     * Revision 1 of WorkshopLocationChanged read as revision 2. Axon gives every upcaster bean to the upcaster chain
     * that both storage engines read through: the JPA engine's auto-configuration and {@link JdbcEngineConfiguration}.
     */
    @Bean
    EventUpcaster workshopLocationChangedV1ToV2() {
        return new WorkshopLocationChangedV1ToV2Upcaster();
    }

    /**
     * Whichever storage engine is configured (Axon's JPA auto-configuration or {@link JdbcEngineConfiguration}), the
     * event store reads through it with its shared reader fetching in chunks ({@link ChunkedTailEngine}).
     */
    @Bean
    static BeanPostProcessor chunkedTailEngine() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventStorageEngine engine && !(bean instanceof ChunkedTailEngine)
                        ? new ChunkedTailEngine(engine) : bean;
            }
        };
    }

    /** The store's tracked-read queries parsed once, before the event processors start ({@link TrackedReadPrimer}). */
    @Bean
    TrackedReadPrimer trackedReadPrimer(ObjectProvider<EventStorageEngine> engine) {
        return new TrackedReadPrimer(engine);
    }

    /** Declared here because Axon's own ordering only knows Boot 3's class names. */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** causation_id: the message that caused this one; correlation_id: the first message of the chain. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider(Metadata.CAUSATION_ID, Metadata.CORRELATION_ID);
    }

    /**
     * Who asked, in which request, and why (and, for a restore, the instant restored): copied from the command onto
     * every event it causes.
     */
    @Bean
    CorrelationDataProvider requestOrigin() {
        return new SimpleCorrelationDataProvider(Metadata.ACTOR, Metadata.ACTOR_NAME, Metadata.REQUEST_ID,
                Metadata.REASON, Metadata.RESTORED_AS_OF);
    }
}
