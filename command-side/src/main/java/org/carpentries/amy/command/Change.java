package org.carpentries.amy.command;

/**
 * One field of a partial update: a {@code null} {@code Change} leaves the field alone, {@code Change.to(null)}
 * clears it.
 */
public record Change<T>(T value) {

    public static <T> Change<T> to(T value) {
        return new Change<>(value);
    }
}
