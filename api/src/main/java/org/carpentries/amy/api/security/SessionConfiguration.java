package org.carpentries.amy.api.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions in PostgreSQL (Spring Session JDBC, tables from Flyway's V051; the cookie from
 * {@code server.servlet.session.cookie.*}, the idle timeout from {@code server.servlet.session.timeout}). Each
 * session is indexed by the logged-in person's id, not their username, so disabling a login deletes that person's
 * sessions whatever their username is now. A request reads its session in one statement outside any transaction,
 * and writes it only when it changed or its last access is a minute old ({@link TouchedSessions}): a logged-in
 * person's request costs PostgreSQL one statement for the session where Spring Session's own wiring (which this
 * replaces, so Boot's {@code spring.session.jdbc.*} properties do not apply) runs two transactions.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration {

    /** How often a session's last access is written at most, when nothing else about the session changed. */
    static final Duration TOUCH = Duration.ofMinutes(1);

    @Bean
    TouchedSessions<?> sessionRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                         SessionTimeout timeout) {
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(jdbc,
                TransactionOperations.withoutTransaction());
        sessions.setIndexResolver(byPerson());
        if (timeout.getTimeout() != null) {
            sessions.setDefaultMaxInactiveInterval(timeout.getTimeout());
        }
        ClassLoader classes = SessionConfiguration.class.getClassLoader();
        GenericConversionService serialization = new GenericConversionService();
        serialization.addConverter(Object.class, byte[].class, new SerializingConverter());
        serialization.addConverter(byte[].class, Object.class, new DeserializingConverter(classes));
        sessions.setConversionService(serialization);
        TransactionTemplate writes = new TransactionTemplate(transactions);
        writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TouchedSessions<>(sessions, writes, TOUCH);
    }

    private static IndexResolver<Session> byPerson() {
        return session -> {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext c && c.getAuthentication() != null
                    && c.getAuthentication().getPrincipal() instanceof AmyPrincipal p) {
                return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, p.id().toString());
            }
            return Map.of();
        };
    }
}
