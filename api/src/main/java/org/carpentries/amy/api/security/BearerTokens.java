package org.carpentries.amy.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.api.problem.Problems;
import org.carpentries.amy.api.web.RequestIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Authenticates {@code Authorization: Bearer <token>} against {@code api_token}, the table the issuing and revoking
 * commands write in their transactions, so a revocation holds from its commit on. An unknown, revoked or expired
 * token gets the same 401 {@code token-invalid}. A valid one runs the request as an {@link AmyPrincipal} with its
 * scopes as {@code SCOPE_…} authorities and no role; nothing is kept in a session.
 */
final class BearerTokens extends OncePerRequestFilter {

    /** Authorities are {@code SCOPE_exports:read} and so on. */
    static final String SCOPE_PREFIX = "SCOPE_";
    /** Set on a request a valid token authenticated, so that nothing keeps its authentication in a session. */
    private static final String AUTHENTICATED = BearerTokens.class.getName() + ".authenticated";
    /** The last use is written at most this often per token, so that polling clients cost no write per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** Far longer than any secret AMY issues; anything longer is not looked up. */
    private static final int MAX_TOKEN_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final SecurityLog securityLog;
    private final Clock clock;

    BearerTokens(JdbcTemplate jdbc, SecurityLog securityLog, Clock clock) {
        this.jdbc = jdbc;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /** A token's row as authentication needs it. */
    private record Row(UUID id, String name, List<String> scopes, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)
                || header.length() > 6 && header.charAt(6) != ' ') {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(6).strip();
        Instant now = clock.instant();
        Optional<Row> row = secret.isEmpty() || secret.length() > MAX_TOKEN_LENGTH ? Optional.empty()
                : find(TokenSecrets.digest(secret));
        String refusal = row.isEmpty() ? "unknown" : row.get().revokedAt() != null ? "revoked"
                : !row.get().expiresAt().isAfter(now) ? "expired" : null;
        if (refusal != null) {
            Map<String, Object> fields = fields(request, row.map(Row::id).orElse(null));
            fields.put("reason", refusal);
            securityLog.record("token-rejected", fields);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "token-invalid",
                    "The bearer token is unknown, revoked or expired.");
            return;
        }
        Row token = row.get();
        touch(token, now);
        List<SimpleGrantedAuthority> authorities = token.scopes().stream()
                .map(s -> new SimpleGrantedAuthority(SCOPE_PREFIX + s)).toList();
        // No password and no role: the principal stands for the token, whose id becomes the actor of anything it does.
        AmyPrincipal principal = new AmyPrincipal(token.id(), "token:" + token.name(), "", true, authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        request.setAttribute(AUTHENTICATED, token.id());
        try {
            chain.doFilter(request, response);
        } finally {
            Map<String, Object> fields = fields(request, token.id());
            fields.put("status", response.getStatus());
            securityLog.record("token-used", fields);
        }
    }

    /** Whether a bearer token authenticated {@code request}: such requests are stateless. */
    static boolean authenticated(HttpServletRequest request) {
        return request.getAttribute(AUTHENTICATED) != null;
    }

    private Optional<Row> find(byte[] digest) {
        // Looking up by digest leaks no timing about the secret: a client controls the secret, not its digest.
        return jdbc.query("""
                SELECT id, name, scopes, expires_at, revoked_at, last_used_at FROM api_token WHERE secret_hash = ?""",
                (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getTimestamp(4).toInstant(),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))), digest).stream().findFirst();
    }

    private void touch(Row token, Instant now) {
        Instant due = now.minus(LAST_USED_RESOLUTION);
        if (token.lastUsedAt() == null || !token.lastUsedAt().isAfter(due)) {
            jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL "
                    + "OR last_used_at <= ?)", Timestamp.from(now), token.id(), Timestamp.from(due));
        }
    }

    /** Ids and the route only; never the token, its name or the query string. */
    private static Map<String, Object> fields(HttpServletRequest request, UUID tokenId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("token", tokenId);
        fields.put("request_id", RequestIds.current());
        fields.put("method", request.getMethod());
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        fields.put("path", route != null ? route.toString() : request.getRequestURI());
        return fields;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
