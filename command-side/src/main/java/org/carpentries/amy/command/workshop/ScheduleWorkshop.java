package org.carpentries.amy.command.workshop;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.InvalidInput;

/**
 * Schedule a workshop with its fields and at least one tag. Rejects what AMY's form rejected, unknown or retired
 * tags, an unknown host or administrator, and a slug or url already taken.
 */
public record ScheduleWorkshop(@TargetAggregateIdentifier UUID workshopId, WorkshopFields fields, Set<UUID> tagIds) {

    public ScheduleWorkshop {
        Objects.requireNonNull(workshopId, "workshopId");
        fields = Objects.requireNonNull(fields, "fields").normalised();
        tagIds = tagIds == null ? Set.of() : Set.copyOf(tagIds);
        if (tagIds.isEmpty()) {
            throw InvalidInput.of("tags", "tags-required", "A workshop needs at least one tag.");
        }
    }
}
