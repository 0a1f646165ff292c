package org.carpentries.amy.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for browser sessions: the readable cookie {@code XSRF-TOKEN}, sent back in {@code X-XSRF-TOKEN}
 * on every unsafe request that rides a session cookie. Exempt: requests with an {@code Authorization} header (HTTP
 * Basic in tests, bearer tokens), which a cross-site page cannot add; logging in ({@code POST /api/session}), which
 * needs no session and whose forgery could at worst log a browser into the forger's account; and using a reset link
 * ({@code POST /api/password-resets}), whose secret token is itself the proof.
 */
final class Csrf {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private Csrf() {
    }

    /**
     * The {@code XSRF-TOKEN} cookie, never written for a request with an {@code Authorization} header: machine
     * clients need no token and get no cookie.
     */
    static CsrfTokenRepository repository(boolean secure) {
        CookieCsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookies.setCookieCustomizer(c -> c.secure(secure).sameSite("Lax").path("/"));
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return cookies.generateToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                    cookies.saveToken(token, request, response);
                }
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return cookies.loadToken(request);
            }
        };
    }

    static boolean required(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getRequestedSessionId() == null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod())
                && ("/api/session".equals(path) || "/api/password-resets".equals(path)));
    }

    /**
     * Loads the token on every request without an {@code Authorization} header, so the browser always holds a current
     * {@code XSRF-TOKEN} cookie; machine clients get no cookie at all.
     */
    static final class EagerToken extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
