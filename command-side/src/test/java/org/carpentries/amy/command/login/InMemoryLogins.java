package org.carpentries.amy.command.login;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.person.events.LoginRole;

/** Login state for aggregate fixtures, which run without a database; sessions are a set of person ids. */
public final class InMemoryLogins implements Logins {

    private final Map<UUID, Account> accounts = new HashMap<>();
    private final Map<UUID, Reset> resets = new HashMap<>();
    private final Map<UUID, String> resetTokens = new HashMap<>();
    /** People with a stored session, as a test puts them. */
    public final Set<UUID> sessions = new HashSet<>();

    private Account row(UUID personId) {
        return accounts.getOrDefault(personId, new Account(personId, false, EnumSet.noneOf(LoginRole.class), null));
    }

    @Override
    public void enable(UUID personId) {
        Account a = row(personId);
        accounts.put(personId, new Account(personId, true, a.roles(), a.passwordHash()));
    }

    @Override
    public void disable(UUID personId) {
        Account a = row(personId);
        accounts.put(personId, new Account(personId, false, a.roles(), a.passwordHash()));
        endSessions(personId);
    }

    @Override
    public void setRoles(UUID personId, Set<LoginRole> roles) {
        Account a = row(personId);
        accounts.put(personId, new Account(personId, a.enabled(), Set.copyOf(roles), a.passwordHash()));
    }

    @Override
    public void setPassword(UUID personId, String passwordHash, Instant at) {
        Account a = row(personId);
        accounts.put(personId, new Account(personId, a.enabled(), a.roles(), passwordHash));
    }

    @Override
    public void delete(UUID personId) {
        accounts.remove(personId);
        resets.values().removeIf(r -> r.personId().equals(personId));
        endSessions(personId);
    }

    @Override
    public void endSessions(UUID personId) {
        sessions.remove(personId);
    }

    @Override
    public void issueReset(UUID resetId, UUID personId, String tokenHash, Instant expiresAt) {
        resets.put(resetId, new Reset(resetId, personId, expiresAt, null));
        resetTokens.put(resetId, tokenHash);
    }

    @Override
    public boolean useReset(UUID resetId, UUID personId, Instant at) {
        Reset r = resets.get(resetId);
        if (r == null || !r.personId().equals(personId) || r.usedAt() != null || !r.expiresAt().isAfter(at)) {
            return false;
        }
        resets.put(resetId, new Reset(resetId, personId, r.expiresAt(), at));
        return true;
    }

    @Override
    public Optional<Account> find(UUID personId) {
        return Optional.ofNullable(accounts.get(personId));
    }

    @Override
    public Optional<Reset> resetByTokenHash(String tokenHash) {
        return resetTokens.entrySet().stream().filter(e -> e.getValue().equals(tokenHash))
                .map(e -> resets.get(e.getKey())).findFirst();
    }
}
