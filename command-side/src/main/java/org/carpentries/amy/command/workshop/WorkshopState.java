package org.carpentries.amy.command.workshop;

import java.util.Set;
import java.util.UUID;

/** A workshop as its aggregate knows it: what a merge plan starts from. */
public record WorkshopState(UUID workshopId, WorkshopFields fields, Set<UUID> tagIds, Set<Task> tasks,
                            boolean archived, UUID mergedInto, long version) {

    public WorkshopState {
        tagIds = Set.copyOf(tagIds);
        tasks = Set.copyOf(tasks);
    }
}
