package org.carpentries.amy.api.store;

import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /** The read models' source: the event store, telling waiting processors about each local commit. */
    @Bean
    NotifyingEventSource readModelSource(EventStore eventStore) {
        return new NotifyingEventSource(eventStore);
    }

    @Bean
    EventCapture eventCapture() {
        return new EventCapture();
    }

    @Bean
    InitializingBean wireEventStore(EventStore eventStore, NotifyingEventSource source, EventCapture capture) {
        return () -> {
            eventStore.registerDispatchInterceptor(capture);
            eventStore.subscribe(events -> {
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(u -> source.eventsCommitted());
                } else {
                    source.eventsCommitted();
                }
            });
        };
    }

    /**
     * A projection that fails on an event must not skip it (Axon's default logs and moves on, and the view silently
     * loses the change). Every projection group has a dead-letter queue ({@code dlq.enabled} in application.yml):
     * the event is parked with its cause, later events of the same aggregate queue behind it, and the processor goes
     * on with the others. A group without a queue still propagates the error and retries with back-off.
     */
    @Bean
    ConfigurerModule projectionsDeadLetterInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultDeadLetterPolicy(c -> DeadLetterPolicy.countingRetries());
    }

    /**
     * The processors' tokens through Axon's JDBC token store, on the table and columns its JPA store used (V001), so
     * a database keeps its tokens. A processor stores its token once per batch: through JPA each store was a JPQL
     * update that Hibernate translated, bound and flushed the session for, a third of the processor threads' CPU
     * under load (docs/benchmarks.md); through JDBC it is one prepared UPDATE on the batch's connection, which also
     * lets the batch's transaction commit without waiting for the disk ({@link ProjectionTokenStore}).
     */
    @Bean
    TokenStore tokenStore(DataSource dataSource, @Qualifier("serializer") Serializer serializer) {
        return ProjectionTokenStore.create(new SpringDataSourceConnectionProvider(dataSource), serializer,
                TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build(),
                ManagementFactory.getRuntimeMXBean().getName());
    }

    @Bean
    ProjectionSavepoints projectionSavepoints(DataSource dataSource) {
        return new ProjectionSavepoints(dataSource);
    }
}
