package org.carpentries.amy.command.restore;

import java.util.Arrays;
import java.util.Optional;

/** What a restore brings back: one record, or one tag's links across every workshop. */
public enum RestoreKind {
    WORKSHOP("workshop"),
    TAG("tag"),
    TAG_LINKS("tag-links"),
    ORGANISATION("organisation"),
    PERSON("person");

    private final String code;

    RestoreKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RestoreKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
