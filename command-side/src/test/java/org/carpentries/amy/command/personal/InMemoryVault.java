package org.carpentries.amy.command.personal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.PersonalDataVault;
import org.carpentries.amy.command.person.events.Sealed;

/** A vault for aggregate fixtures: readable, deterministic "sealing", so expected events can be written down. */
public final class InMemoryVault implements PersonalDataVault {

    private final Set<UUID> keys = new HashSet<>();
    private final Set<UUID> erased = new HashSet<>();

    public static Sealed sealed(UUID person, String value) {
        return value == null ? null : new Sealed("test:" + person + ":" + value);
    }

    @Override
    public void createKey(UUID personId) {
        if (!erased.contains(personId)) {
            keys.add(personId);
        }
    }

    @Override
    public Sealed seal(UUID personId, String value) {
        return sealed(personId, value);
    }

    @Override
    public Optional<String> unseal(UUID personId, Sealed sealed) {
        String prefix = "test:" + personId + ":";
        if (sealed == null || erased.contains(personId) || !sealed.value().startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(sealed.value().substring(prefix.length()));
    }

    @Override
    public void erase(UUID personId) {
        keys.remove(personId);
        erased.add(personId);
    }

    @Override
    public boolean erased(UUID personId) {
        return erased.contains(personId);
    }
}
