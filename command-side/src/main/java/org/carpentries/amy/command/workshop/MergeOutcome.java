package org.carpentries.amy.command.workshop;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.workshop.events.WorkshopEvent;

/**
 * What a workshop merge does (or, for a dry run, would do): the survivor's resulting fields, tags and tasks, the
 * duplicate tasks a combine skipped (AMY v1.6 reported them instead of failing), and the events recorded on each
 * side, in order.
 */
public record MergeOutcome(UUID survivorId, UUID absorbedId, WorkshopFields fields, Set<UUID> tagIds,
                           Set<Task> tasks, List<Task> skippedDuplicateTasks, List<WorkshopEvent> survivorEvents,
                           List<WorkshopEvent> absorbedEvents, boolean dryRun) {

    public MergeOutcome {
        tagIds = Set.copyOf(tagIds);
        tasks = Set.copyOf(tasks);
        skippedDuplicateTasks = List.copyOf(skippedDuplicateTasks);
        survivorEvents = List.copyOf(survivorEvents);
        absorbedEvents = List.copyOf(absorbedEvents);
    }
}
