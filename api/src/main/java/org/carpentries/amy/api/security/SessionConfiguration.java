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
 * username, so disabling a login deletes that person's sessions whatever their username is now. A request writes
 * its session's last access only once a minute.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** How often a session's last access is written at most, when nothing else about the session changed. */
    static final long TOUCH_MILLIS = 60_000;

    /**
     * Spring Session's update of a session row (the same parameters in the same order), skipped when only the last
     * access moved and by less than {@link #TOUCH_MILLIS}: otherwise every request of a logged-in person would write
     * the row and wait for its commit to reach the disk. A session can so expire up to a minute before its idle
     * timeout (8 hours) is quite over.
     */
    static final String UPDATE_SESSION = """
            UPDATE %TABLE_NAME% s SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                PRINCIPAL_NAME = v.principal_name
            FROM (SELECT ?::varchar AS session_id, ?::bigint AS last_access_time, ?::int AS max_inactive_interval,
                         ?::bigint AS expiry_time, ?::varchar AS principal_name, ?::char(36) AS primary_id) v
            WHERE s.PRIMARY_ID = v.primary_id
              AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                   OR v.last_access_time - s.LAST_ACCESS_TIME >=""" + " " + TOUCH_MILLIS + ")";

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
        return repository -> {
            repository.setIndexResolver(byPerson);
            repository.setUpdateSessionQuery(UPDATE_SESSION);
        };
    }
}
