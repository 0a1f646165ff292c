package org.carpentries.amy.api.security;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS is closed unless {@code amy.cors.allowed-origins} ({@code AMY_CORS_ALLOWED_ORIGINS}, comma-separated) names
 * origins; those may call {@code /api/**} from a browser without cookies (a bearer token or nothing), so a session
 * can never be used cross-site.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginReads {

    @Bean
    WebMvcConfigurer crossOrigins(@Value("${amy.cors.allowed-origins:}") String origins) {
        String[] allowed = Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .toArray(String[]::new);
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                if (allowed.length > 0) {
                    registry.addMapping("/api/**").allowedOrigins(allowed)
                            .allowedMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                            .allowedHeaders("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match",
                                    "X-Change-Reason", "X-Request-Id")
                            .exposedHeaders("ETag", "Location", "Link", "Retry-After", "X-Request-Id")
                            .allowCredentials(false).maxAge(3600);
                }
            }
        };
    }
}
