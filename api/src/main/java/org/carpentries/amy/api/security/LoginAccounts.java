package org.carpentries.amy.api.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.command.login.Logins;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.person.Digests;
import org.carpentries.amy.command.person.events.LoginRole;
import org.carpentries.amy.query.persons.PersonQueries;
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

    LoginAccounts(Lookups lookups, Logins logins, PersonQueries persons) {
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

    static List<GrantedAuthority> authorities(Logins.Account account) {
        return account.roles().stream().sorted().map(LoginRole::code)
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT)))
                .toList();
    }
}
