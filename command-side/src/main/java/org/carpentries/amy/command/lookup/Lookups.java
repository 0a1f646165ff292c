package org.carpentries.amy.command.lookup;

import java.util.Optional;
import java.util.UUID;

/**
 * What command handlers may ask beyond their own aggregate: who holds a unique value, and whether a referenced
 * record exists and is retired. Writes join the command's transaction.
 */
public interface Lookups {

    /** Holds {@code value} of {@code kind} for {@code owner}; false when someone else holds it. */
    boolean claim(UniqueKind kind, String value, UUID owner);

    /** Frees {@code value} if {@code owner} holds it. */
    void release(UniqueKind kind, String value, UUID owner);

    Optional<UUID> holder(UniqueKind kind, String value);

    /** Records that a referenceable record exists (or changes its label or retired flag). */
    void putReference(ReferenceKind kind, UUID id, String label, boolean retired);

    Optional<Reference> reference(ReferenceKind kind, UUID id);

    /** A record other aggregates may point at. */
    record Reference(UUID id, String label, boolean retired) {
    }
}
