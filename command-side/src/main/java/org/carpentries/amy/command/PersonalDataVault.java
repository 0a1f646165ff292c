package org.carpentries.amy.command;

import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import org.carpentries.amy.command.person.events.Sealed;

/** Keeps one key per person and seals and unseals that person's values with it; erasure deletes the key. */
public interface PersonalDataVault {

    /** Creates the person's key if there is none; an erased person gets none again. */
    void createKey(UUID personId);

    /** The sealed form of {@code value}; null stays null. */
    Sealed seal(UUID personId, String value);

    /** The value, or empty when it was null or the person's key is gone. */
    Optional<String> unseal(UUID personId, Sealed sealed);

    /**
     * Opens any number of the person's values with one look-up of their key: null and erased values read as
     * empty.
     */
    default Function<Sealed, Optional<String>> reader(UUID personId) {
        return sealed -> unseal(personId, sealed);
    }

    /** Deletes the key for good: every value sealed with it becomes unreadable. */
    void erase(UUID personId);

    boolean erased(UUID personId);
}
