package org.carpentries.amy.command.personal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import org.carpentries.amy.command.person.events.Sealed;
import org.carpentries.amy.command.PersonalDataVault;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keys in {@code person_key}, outside the event store. Erasure deletes the row and remembers the person in
 * {@code person_key_erased}, so no key is ever made again for them. No cache: another node may have erased the key
 * a moment ago.
 */
@Component
class JdbcPersonalDataVault implements PersonalDataVault {

    private final JdbcTemplate jdbc;

    JdbcPersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void createKey(UUID personId) {
        if (erased(personId)) {
            return;
        }
        jdbc.update("INSERT INTO person_key (person_id, secret) VALUES (?, ?) ON CONFLICT DO NOTHING", personId,
                AesGcm.newKey());
    }

    @Override
    public Sealed seal(UUID personId, String value) {
        if (value == null) {
            return null;
        }
        return AesGcm.seal(key(personId).orElseThrow(() -> new IllegalStateException(
                "No key for person " + personId)), personId, value);
    }

    @Override
    public Optional<String> unseal(UUID personId, Sealed sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        return key(personId).flatMap(k -> AesGcm.unseal(k, personId, sealed));
    }

    @Override
    public Function<Sealed, Optional<String>> reader(UUID personId) {
        Optional<byte[]> key = key(personId);
        return sealed -> sealed == null ? Optional.empty() : key.flatMap(k -> AesGcm.unseal(k, personId, sealed));
    }

    @Override
    public void erase(UUID personId) {
        jdbc.update("DELETE FROM person_key WHERE person_id = ?", personId);
        jdbc.update("INSERT INTO person_key_erased (person_id) VALUES (?) ON CONFLICT DO NOTHING", personId);
    }

    @Override
    public boolean erased(UUID personId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM person_key_erased WHERE person_id = ?", Long.class,
                personId);
        return n != null && n > 0;
    }

    private Optional<byte[]> key(UUID personId) {
        List<byte[]> keys = jdbc.queryForList("SELECT secret FROM person_key WHERE person_id = ?", byte[].class,
                personId);
        return keys.stream().findFirst();
    }
}
