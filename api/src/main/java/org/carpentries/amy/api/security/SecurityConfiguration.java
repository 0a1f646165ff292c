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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Authentication for every request; the decision for AMY's endpoints under {@code /api} is their {@link Access}
 * declaration ({@link AccessInterceptor}). Health, the API description and the admin UI's files are open, the rest
 * of the actuator is for admins, anything else is refused. Browser sessions use a {@code SameSite=Lax} cookie, and
 * every write takes a JSON body or no body, which a cross-site form cannot send.
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
    AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityContextRepository contexts,
                            @Value("${amy.security.basic-auth:false}") boolean basicAuth) throws Exception {
        http.headers(h -> h
                        // The admin pages load their scripts and styles from this origin only; Swagger UI sets
                        // inline styles and data: images. Nothing may frame AMY, and no page leaks its URL onward.
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .csrf(c -> c.disable())
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
                        .accessDeniedHandler((req, res, ex) -> Problems.write(res, HttpStatus.FORBIDDEN, "forbidden",
                                "Your account may not do this.")))
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
