package org.carpentries.amy.api.web;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** "Today" and "now" in the configured zone, never the server's. */
    @Bean
    Clock clock(AmyProperties properties) {
        return Clock.system(properties.timeZone());
    }

    @Bean
    InitializingBean commandMetadata(CommandGateway gateway) {
        return () -> ((DefaultCommandGateway) gateway).registerDispatchInterceptor(new CommandMetadataInterceptor());
    }
}
