package org.carpentries.amy.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Which {@link Caller}s a request counts as, from its authorities; everyone also counts as anonymous. */
public final class Callers {

    /** The authority strings roles and token scopes arrive as (fixed: tokens are issued with them). */
    static final Map<String, Caller> AUTHORITIES = Map.of(
            "ROLE_ADMIN", Caller.ADMIN,
            "ROLE_AUDITOR", Caller.AUDITOR,
            "ROLE_STAFF", Caller.STAFF,
            "SCOPE_exports:read", Caller.EXPORTS_READ,
            "SCOPE_members:read", Caller.MEMBERS_READ,
            "SCOPE_audit:read", Caller.AUDIT_READ);

    private static final String SCOPE_PREFIX = "SCOPE_";

    private Callers() {
    }

    /**
     * The callers {@code auth} counts as: {@link Caller#ANONYMOUS}, one per known authority, and {@link Caller#PERSON}
     * for a person's login (an authentication without token scopes).
     */
    public static Set<Caller> of(Authentication auth) {
        if (!authenticated(auth)) {
            return EnumSet.of(Caller.ANONYMOUS);
        }
        List<String> authorities = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        Set<Caller> callers = of(authorities);
        if (authorities.stream().noneMatch(a -> a != null && a.startsWith(SCOPE_PREFIX))) {
            callers.add(Caller.PERSON);
        }
        return callers;
    }

    static Set<Caller> of(Collection<String> authorities) {
        Set<Caller> callers = EnumSet.of(Caller.ANONYMOUS);
        for (String authority : authorities) {
            Caller caller = authority == null ? null : AUTHORITIES.get(authority);
            if (caller != null) {
                callers.add(caller);
            }
        }
        return callers;
    }

    /** Whether {@code auth} is a logged-in account or a token, not Spring's anonymous stand-in. */
    static boolean authenticated(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** Whether any of {@code callers} is among {@code declared}; an admin may call everything declared. */
    public static boolean allowed(Set<Caller> callers, Collection<Caller> declared) {
        return callers.contains(Caller.ADMIN) || declared.stream().anyMatch(callers::contains);
    }

    /**
     * Whether {@code callers} reach an endpoint declared for {@code declared} only as staff, so that the answer must
     * leave out {@link StaffFields}.
     */
    static boolean onlyAsStaff(Set<Caller> callers, Collection<Caller> declared) {
        if (!callers.contains(Caller.STAFF) || !declared.contains(Caller.STAFF)) {
            return false;
        }
        Set<Caller> others = EnumSet.copyOf(callers);
        others.remove(Caller.STAFF);
        return !allowed(others, declared);
    }
}
