package org.carpentries.amy.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.carpentries.amy.api.problem.Problems;
import org.carpentries.amy.command.token.Scopes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Authentication for every request: browser sessions (in PostgreSQL behind a {@code SameSite=Lax} cookie, their
 * writes carrying the CSRF token, the person's login re-read on every request so a disable or revoke holds at once)
 * and machine clients' bearer tokens ({@link BearerTokens}). The decision for AMY's endpoints under {@code /api} is
 * their {@link Access} declaration ({@link AccessInterceptor}). Health, the API description and the admin UI's files
 * are open, the rest of the actuator is for admins, anything else is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * BCrypt at {@code amy.security.password-cost} (default 10) for new hashes; every hash keeps its own cost when
     * checked. The tests use a low cost, since their HTTP Basic requests check the password on every request.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${amy.security.password-cost:10}") int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("amy.security.password-cost is BCrypt's 4 to 31, not " + cost);
        }
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
    }

    /**
     * Spring Security observes nothing. With the actuator's observation registry present it would otherwise wrap each
     * of its filters, and every authentication and authorization, in an observation timed on every request
     * (docs/benchmarks.md). Requests stay timed as a whole ({@code http.server.requests}); security events are logged
     * by {@link SecurityLog}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Sessions for people logging in; a request carrying its credentials (Authorization) is never kept in one. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository() {
            @Override
            public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
                // Clients that send credentials on every request (bearer tokens; HTTP Basic in tests and the
                // benchmark) never get a session: no row in spring_session, no cookie.
                if (!BearerTokens.authenticated(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                    super.saveContext(context, request, response);
                }
            }
        };
    }

    @Bean
    AuthenticationManager authenticationManager(LoginAccounts accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityContextRepository contexts, LoginAccounts accounts,
                            @Value("${amy.security.basic-auth:false}") boolean basicAuth,
                            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies,
                            JdbcTemplate jdbc, SecurityLog securityLog, Clock clock) throws Exception {
        // Not a bean: Boot would also register a bean filter for every request outside this chain.
        http.addFilterBefore(new BearerTokens(jdbc, securityLog, clock), BasicAuthenticationFilter.class);
        http.headers(h -> h
                        // The admin pages load their scripts and styles from this origin only; Swagger UI sets
                        // inline styles and data: images. Nothing may frame AMY, and no page leaks its URL onward.
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                // Browser sessions: the XSRF-TOKEN cookie's value back in X-XSRF-TOKEN (see Csrf).
                .csrf(c -> c.spa().csrfTokenRepository(Csrf.repository(secureCookies))
                        .requireCsrfProtectionMatcher(Csrf::required))
                .addFilterAfter(new Csrf.EagerToken(), CsrfFilter.class)
                .addFilterAfter(new CurrentLogin(accounts), BasicAuthenticationFilter.class)
                .securityContext(s -> s.securityContextRepository(contexts))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .authorizeHttpRequests(a -> a
                        // Every MVC endpoint under /api declares its callers (@Access); AccessInterceptor decides.
                        .requestMatchers("/api/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/bench-static/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/app/**", "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> Problems.write(res, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "Log in first (POST /api/session)."))
                        .accessDeniedHandler((req, res, ex) -> {
                            if (ex instanceof CsrfException) {
                                Problems.write(res, HttpStatus.FORBIDDEN, "csrf-token-invalid", "Send the "
                                        + "XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header.");
                            } else {
                                Problems.write(res, HttpStatus.FORBIDDEN, "forbidden", "Your account may not do this.");
                            }
                        }))
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        if (basicAuth) {
            http.httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> Problems.write(res,
                    HttpStatus.UNAUTHORIZED, "unauthenticated", "Log in first.")));
        } else {
            http.httpBasic(b -> b.disable());
        }
        return http.build();
    }
}
