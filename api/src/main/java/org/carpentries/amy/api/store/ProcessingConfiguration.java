package org.carpentries.amy.api.store;

import org.axonframework.config.ConfigurerModule;
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
    @Bean
    ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
