package org.carpentries.amy.command.login;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.person.events.LoginRole;

/**
 * People's login state, written by the person aggregate in its command's transaction, so a disabled login or a
 * revoked role holds the moment the command commits. Secrets (hashes) live only here, never in events.
 */
public interface Logins {

    /** Lets the person log in, creating their row if needed. */
    void enable(UUID personId);

    /** Stops the person logging in and deletes their stored sessions. */
    void disable(UUID personId);

    void setRoles(UUID personId, Set<LoginRole> roles);

    void setPassword(UUID personId, String passwordHash, Instant at);

    /** Deletes the person's credential, reset links and sessions (erasure). */
    void delete(UUID personId);

    /** Deletes the person's stored sessions. */
    void endSessions(UUID personId);

    void issueReset(UUID resetId, UUID personId, String tokenHash, Instant expiresAt);

    /** Marks the person's reset link used at {@code at}; false when it is unknown, used or expired. */
    boolean useReset(UUID resetId, UUID personId, Instant at);

    /** The person's login state, if they have a row. */
    Optional<Account> find(UUID personId);

    /** A reset link by its token's hash: whose it is, its id, expiry and use. */
    Optional<Reset> resetByTokenHash(String tokenHash);

    /** A person's login state; the password hash is null until one is set. */
    record Account(UUID personId, boolean enabled, Set<LoginRole> roles, String passwordHash) {
    }

    /** A reset link, without its token. */
    record Reset(UUID id, UUID personId, Instant expiresAt, Instant usedAt) {
    }
}
