package org.carpentries.amy.api.ratelimits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carpentries.amy.api.problem.Problems;
import org.carpentries.amy.api.security.SecurityLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 {@code rate-limited} with {@code Retry-After} (seconds) when one client address reads AMY's public exports or
 * tries to log in faster than {@code amy.rate-limits.*} allows. Per node and in memory: N nodes allow N times the
 * figures. The address is the socket's, or the forwarded one when {@code server.forward-headers-strategy} is set.
 * It runs after Spring Security, so an authenticated caller (a session, a valid token or password) is known and
 * its export reads are not limited; a wrong {@code Authorization} header was already answered 401.
 */
@Component
@Order(0)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimits extends OncePerRequestFilter {

    private static final String[] EXPORTS = {"/api/v1/events/published", "/api/v1/export/badges",
            "/api/v1/export/instructors"};

    private final boolean enabled;
    private final TokenBuckets exports;
    private final TokenBuckets logins;
    private final SecurityLog securityLog;
    private final byte[] salt = new byte[16];

    RateLimits(RateLimitProperties properties, Clock clock, SecurityLog securityLog) {
        this.enabled = properties.enabled();
        this.exports = new TokenBuckets(properties.exports(), clock);
        this.logins = new TokenBuckets(properties.login(), clock);
        this.securityLog = securityLog;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || limit(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String kind = limit(request);
        TokenBuckets buckets = kind.equals("login") ? logins : exports;
        if (kind.equals("exports") && authenticated()) {
            chain.doFilter(request, response);
            return;
        }
        TokenBuckets.Outcome outcome = buckets.take(request.getRemoteAddr());
        if (outcome.retryAfter() == 0) {
            chain.doFilter(request, response);
            return;
        }
        if (outcome.first()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("path", request.getRequestURI());
            fields.put("limit", kind);
            fields.put("client", pseudonym(request.getRemoteAddr()));
            securityLog.record("rate-limited", fields);
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfter()));
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests from "
                + "your address; try again in " + outcome.retryAfter() + " s.");
        problem.setProperty("retry_after", outcome.retryAfter());
        Problems.write(response, problem);
    }

    /** Which limit applies to {@code request}: {@code exports}, {@code login} or none (null). */
    static String limit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && path.equals("/api/session")) {
            return "login";
        }
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            for (String export : EXPORTS) {
                if (path.startsWith(export)) {
                    return "exports";
                }
            }
        }
        return null;
    }

    private static boolean authenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** A salted hash of the address: the log can tell repeat offenders apart without holding the address. */
    private String pseudonym(String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(address.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
