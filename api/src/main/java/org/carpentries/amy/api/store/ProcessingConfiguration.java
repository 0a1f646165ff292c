package org.carpentries.amy.api.store;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.InitializingBean;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /**
     * A projection that fails on an event must not skip it (Axon's default logs and moves on, and the view silently
     * loses the change): the error propagates, the processor retries the batch with back-off, and the read model lags
     * until the cause is fixed instead of being wrong.
     */
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

    @Bean
    ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
