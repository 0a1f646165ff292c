package org.carpentries.amy.command.restore;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;

/** Readable names of the records a restore mentions, from the lookups the write side keeps; the id when unknown. */
final class Labels {

    private final Lookups lookups;

    Labels(Lookups lookups) {
        this.lookups = lookups;
    }

    RecordRef workshop(UUID id) {
        return new RecordRef("workshop", id, label(ReferenceKind.WORKSHOP, id));
    }

    RecordRef record(String type, ReferenceKind kind, UUID id) {
        return new RecordRef(type, id, label(kind, id));
    }

    String tag(UUID id) {
        return label(ReferenceKind.TAG, id);
    }

    List<String> tagNames(Collection<UUID> ids) {
        return ids.stream().map(this::tag).sorted().toList();
    }

    String organisation(UUID id) {
        return label(ReferenceKind.ORGANISATION, id);
    }

    String account(UUID id) {
        return label(ReferenceKind.ACCOUNT, id);
    }

    String person(UUID id) {
        return label(ReferenceKind.PERSON, id);
    }

    String role(UUID id) {
        return label(ReferenceKind.ROLE, id);
    }

    String label(ReferenceKind kind, UUID id) {
        return id == null ? null : lookups.reference(kind, id).map(Lookups.Reference::label).orElse(id.toString());
    }
}
