package org.carpentries.amy.query.published;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Which published workshops to export: all of {@code tagIds} (AND), and the host and administrator if given. */
public record PublishedQuery(ExportFormat format, UUID hostId, UUID administratorId, List<UUID> tagIds) {

    public PublishedQuery {
        Objects.requireNonNull(format, "format");
        tagIds = tagIds == null ? List.of() : tagIds.stream().distinct().sorted().toList();
    }

    /** Whether a workshop with this host, administrator and tags passes the filters (publishing aside). */
    public boolean selects(UUID host, UUID administrator, java.util.Collection<UUID> tags) {
        return (hostId == null || hostId.equals(host)) && (administratorId == null
                || administratorId.equals(administrator)) && tags.containsAll(tagIds);
    }
}
