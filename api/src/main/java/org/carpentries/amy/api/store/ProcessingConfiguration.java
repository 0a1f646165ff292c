package org.carpentries.amy.api.store;

import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.InitializingBean;
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
     * Every event processor is a read model's: their transactions commit without waiting for the disk
     * ({@link ProjectionTransactions}). The command side keeps Axon's transaction manager as it is.
     */
    @Bean
    ConfigurerModule projectionsCommitWithoutWaitingForTheDisk(DataSource dataSource) {
        return configurer -> configurer.eventProcessing().registerDefaultTransactionManager(
                c -> new ProjectionTransactions(c.getComponent(TransactionManager.class), dataSource));
    }

    @Bean
    ProjectionSavepoints projectionSavepoints(DataSource dataSource) {
        return new ProjectionSavepoints(dataSource);
    }
}
