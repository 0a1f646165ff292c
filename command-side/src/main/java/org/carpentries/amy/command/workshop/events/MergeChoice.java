package org.carpentries.amy.command.workshop.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a merged field's value comes from: workshop A, workshop B, or both combined. */
public enum MergeChoice {
    A, B, COMBINE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MergeChoice of(String code) {
        return switch (code) {
            case "a", "obj_a" -> A;
            case "b", "obj_b" -> B;
            case "combine" -> COMBINE;
            default -> throw new IllegalArgumentException("Merge choice must be a, b or combine: " + code);
        };
    }
}
