package org.carpentries.amy.command.person.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person with a login may do: everything (admin), read everything (auditor), or read without personal data. */
public enum LoginRole {
    ADMIN, AUDITOR, STAFF;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by its lower-case code, if any. */
    public static Optional<LoginRole> find(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }

    @JsonCreator
    public static LoginRole of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("LoginRole must be admin, auditor or staff: "
                + code));
    }
}
