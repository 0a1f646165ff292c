package org.carpentries.amy.api.web;

import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.api.security.AmyPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The account the current request runs as. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<UUID> id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AmyPrincipal p ? Optional.of(p.id()) : Optional.empty();
    }

    /** Whether the account has {@code role} (e.g. {@code ADMIN}). */
    public static boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
