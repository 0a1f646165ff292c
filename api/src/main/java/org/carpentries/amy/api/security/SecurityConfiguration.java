package org.carpentries.amy.api.security;

import java.util.Map;
import org.carpentries.amy.api.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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
 * The minimum until the full access model lands: AMY's public exports (published workshops, badges, instructors;
 * members needs a login, as in AMY), health, the API description and the admin UI's files are open; every other
 * endpoint needs an admin, except that an auditor may read ({@code GET}) everything under {@code /api} and ask for
 * a restore's dry run. Browser sessions live in PostgreSQL behind a {@code SameSite=Lax} cookie, and their writes
 * carry the CSRF token; every request re-reads the person's login, so a disable or revoke holds at once.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
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

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
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
                            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
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
                        .requestMatchers(HttpMethod.GET, "/api/v1/events/published", "/api/v1/events/published/",
                                "/api/v1/events/published.*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/bench-static/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/export/badges", "/api/v1/export/badges/",
                                "/api/v1/export/badges.*", "/api/v1/export/instructors", "/api/v1/export/instructors/",
                                "/api/v1/export/instructors.*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/session").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/session").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/session").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/session/password").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/password-resets").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/app/**", "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        // Auditors read everything (records, history, audit log, as-of, diffs) and change nothing.
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("ADMIN", "AUDITOR")
                        // A restore's dry run changes nothing; RestoreController refuses an auditor's apply.
                        .requestMatchers(HttpMethod.POST, "/api/restores").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers("/api/**", "/actuator/**").hasRole("ADMIN")
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
