package org.carpentries.amy.api.security;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Accounts in PostgreSQL, with hashed passwords. */
@Component
class Accounts implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    Accounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<AmyPrincipal> found = jdbc.query(
                "SELECT id, username, password_hash, roles, enabled FROM account WHERE lower(username) = lower(?)",
                (rs, i) -> new AmyPrincipal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(5), Arrays.stream(rs.getString(4).split(",")).filter(r -> !r.isBlank())
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.strip().toUpperCase(java.util.Locale.ROOT)))
                        .toList()),
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("No such account");
        }
        return found.get(0);
    }

    boolean any() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        return n != null && n > 0;
    }

    void create(String username, String password, String roles) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO account (id, username, password_hash, roles) VALUES (?, ?, ?, ?)", id, username,
                encoder.encode(password), roles);
        // Workshops are assigned to admins; the write side checks assignees here.
        jdbc.update("INSERT INTO lookup_reference (kind, id, label, retired) VALUES ('ACCOUNT', ?, ?, FALSE)", id,
                username);
    }
}
