package org.carpentries.amy.api.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in PostgreSQL (Spring Session JDBC, tables from Flyway's V051; the cookie from
 * {@code server.servlet.session.cookie.*}). Each session is indexed by the logged-in person's id, not their
 * username, so disabling a login deletes that person's sessions whatever their username is now.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> personIndexedSessions() {
        IndexResolver<Session> byPerson = session -> {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext c && c.getAuthentication() != null
                    && c.getAuthentication().getPrincipal() instanceof AmyPrincipal p) {
                return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, p.id().toString());
            }
            return Map.of();
        };
        return repository -> repository.setIndexResolver(byPerson);
    }
}
