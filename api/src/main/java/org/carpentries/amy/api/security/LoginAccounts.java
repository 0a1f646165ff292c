package org.carpentries.amy.api.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.login.Logins;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.person.Digests;
import org.carpentries.amy.command.person.events.LoginRole;
import org.carpentries.amy.query.persons.PersonQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * People who may log in: the login is an email when it contains '@', else a username; the person must have an
 * enabled login with a password. Every miss is the same {@link UsernameNotFoundException}, so the provider spends
 * its dummy hash and nobody learns which logins exist.
 */
@Component
class LoginAccounts implements UserDetailsService {

    private final Lookups lookups;
    private final Logins logins;
    private final PersonQueries persons;
    private final JdbcTemplate jdbc;

    LoginAccounts(Lookups lookups, Logins logins, PersonQueries persons, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.logins = logins;
        this.persons = persons;
    }

    /** What a person's password must not resemble: their username, names and email. */
    String[] attributes(UUID personId) {
        return persons.byReference(personId.toString()).map(p -> new String[] {p.username(), p.personal(),
                p.middle(), p.family(), p.email()}).orElse(new String[0]);
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        return personOf(login).flatMap(id -> principal(id, true)).filter(p -> !p.getPassword().isEmpty())
                .orElseThrow(() -> new UsernameNotFoundException("No login"));
    }

    /** The person a login string names, if any. */
    Optional<UUID> personOf(String login) {
        String value = login == null ? "" : login.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.contains("@")) {
            return lookups.holder(UniqueKind.PERSON_EMAIL, Digests.of("email", value));
        }
        return lookups.holder(UniqueKind.PERSON_USERNAME, value)
                .or(() -> lookups.holder(UniqueKind.PERSON_USERNAME, value.toLowerCase(Locale.ROOT)));
    }

    /**
     * The person's current principal when their login is enabled (a primary-key read and the username), with the
     * password hash only when it is to be checked.
     */
    Optional<AmyPrincipal> principal(UUID personId, boolean withPassword) {
        return logins.find(personId).filter(Logins.Account::enabled).map(a -> new AmyPrincipal(personId,
                lookups.reference(ReferenceKind.PERSON, personId).map(Lookups.Reference::label)
                        .orElse(personId.toString()),
                withPassword && a.passwordHash() != null ? a.passwordHash() : "", true, authorities(a)));
    }

    /**
     * The principal a logged-in person has now, in one query by primary key: their current username and roles, or
     * empty when their login is disabled or gone. No password hash.
     */
    Optional<AmyPrincipal> current(UUID personId) {
        return jdbc.query("""
                SELECT r.label, a.roles FROM login_account a
                  LEFT JOIN lookup_reference r ON r.kind = 'PERSON' AND r.id = a.person_id
                 WHERE a.person_id = ? AND a.enabled""",
                (rs, i) -> new AmyPrincipal(personId, rs.getString(1) == null ? personId.toString() : rs.getString(1),
                        "", true, authorities(new Logins.Account(personId, true, roles(rs.getString(2)), null))),
                personId).stream().findFirst();
    }

    private static Set<LoginRole> roles(String codes) {
        Set<LoginRole> roles = EnumSet.noneOf(LoginRole.class);
        for (String code : codes.split(",")) {
            LoginRole.find(code.strip()).ifPresent(roles::add);
        }
        return roles;
    }

    static List<GrantedAuthority> authorities(Logins.Account account) {
        return account.roles().stream().sorted().map(LoginRole::code)
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT)))
                .toList();
    }
}
