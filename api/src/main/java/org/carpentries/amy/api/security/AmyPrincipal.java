package org.carpentries.amy.api.security;

import java.io.Serial;
import java.util.Collection;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in account; its id is the {@code actor} of every event it causes. */
public class AmyPrincipal extends User {

    @Serial
    private static final long serialVersionUID = 1L;
    private final UUID id;

    public AmyPrincipal(UUID id, String username, String passwordHash, boolean enabled,
                        Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.id = id;
    }

    public UUID id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmyPrincipal p && p.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
