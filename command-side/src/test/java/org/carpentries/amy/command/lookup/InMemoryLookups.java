package org.carpentries.amy.command.lookup;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Lookups for aggregate fixtures, which run without a database. */
public final class InMemoryLookups implements Lookups {

    private final Map<String, UUID> unique = new HashMap<>();
    private final Map<String, Reference> references = new HashMap<>();

    @Override
    public boolean claim(UniqueKind kind, String value, UUID owner) {
        return unique.computeIfAbsent(kind + ":" + value, k -> owner).equals(owner);
    }

    @Override
    public void release(UniqueKind kind, String value, UUID owner) {
        unique.remove(kind + ":" + value, owner);
    }

    @Override
    public Optional<UUID> holder(UniqueKind kind, String value) {
        return Optional.ofNullable(unique.get(kind + ":" + value));
    }

    @Override
    public void putReference(ReferenceKind kind, UUID id, String label, boolean retired) {
        references.put(kind + ":" + id, new Reference(id, label, retired));
    }

    @Override
    public Optional<Reference> reference(ReferenceKind kind, UUID id) {
        return Optional.ofNullable(references.get(kind + ":" + id));
    }
}
