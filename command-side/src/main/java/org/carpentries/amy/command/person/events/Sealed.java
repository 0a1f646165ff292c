package org.carpentries.amy.command.person.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A personal value as events carry it: AES-GCM ciphertext under the person's key, in Base64 with a version prefix.
 * Only {@code PersonalDataVault} can read it, and only while the person's key exists.
 */
public record Sealed(String value) {

    public Sealed {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static Sealed of(String value) {
        return new Sealed(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "Sealed[…]";
    }
}
