package org.carpentries.amy.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a logged-in person's login on every request (one primary-key read): a disabled login ends the session
 * and the request runs anonymous, and the roles are the ones held now, so a revoke takes effect on the next request.
 */
class CurrentLogin extends OncePerRequestFilter {

    private final LoginAccounts accounts;

    CurrentLogin(LoginAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // A bearer token is checked on every request anyway (BearerTokens); it is no person's login.
        if (auth != null && auth.getPrincipal() instanceof AmyPrincipal principal
                && !BearerTokens.authenticated(request)) {
            Optional<AmyPrincipal> now = accounts.current(principal.id());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (now.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now.get(), null,
                        now.get().getAuthorities()));
            }
            // For this request only: the session keeps what was saved at login.
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
