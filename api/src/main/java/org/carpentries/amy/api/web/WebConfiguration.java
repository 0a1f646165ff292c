package org.carpentries.amy.api.web;

import java.nio.file.Path;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** "Today" and "now" in the configured zone, never the server's. */
    @Bean
    Clock clock(AmyProperties properties) {
        return Clock.system(properties.timeZone());
    }

    /**
     * For the benchmark only: with {@code AMY_BENCH_STATIC_DIR} set, the files in that folder are served under
     * {@code /bench-static/}, so an export can be compared with the same server sending a static file of its size.
     */
    @Bean
    WebMvcConfigurer benchStaticFiles(@Value("${amy.bench.static-dir:}") String dir) {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                if (!dir.isBlank()) {
                    registry.addResourceHandler("/bench-static/**")
                            .addResourceLocations(Path.of(dir).toAbsolutePath().toUri().toString());
                }
            }
        };
    }

    @Bean
    WebMvcConfigurer singleValuedParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new SingleValuedParameters());
            }
        };
    }

    @Bean
    InitializingBean commandMetadata(CommandGateway gateway) {
        return () -> ((DefaultCommandGateway) gateway).registerDispatchInterceptor(new CommandMetadataInterceptor());
    }
}
