package org.carpentries.amy.command.workshop;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.carpentries.amy.command.InvalidInput;

/**
 * Give a workshop exactly these tags: unassigns the others from this workshop only. Needs at least one tag; a
 * retired tag may be kept but not newly assigned.
 */
public record ReplaceWorkshopTags(@TargetAggregateIdentifier UUID workshopId,
                                  @TargetAggregateVersion Long expectedVersion, Set<UUID> tagIds) {

    public ReplaceWorkshopTags(UUID workshopId, Set<UUID> tagIds) {
        this(workshopId, null, tagIds);
    }

    public ReplaceWorkshopTags {
        Objects.requireNonNull(workshopId, "workshopId");
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        if (tagIds.isEmpty()) {
            throw InvalidInput.of("tags", "tags-required", "A workshop needs at least one tag.");
        }
    }
}
