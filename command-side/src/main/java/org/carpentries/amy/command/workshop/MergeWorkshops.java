package org.carpentries.amy.command.workshop;

import java.util.Objects;
import java.util.UUID;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.workshop.events.WorkshopMergeStrategy;

/**
 * Merge workshop B into A (or A into B, as {@code strategy.id()} says), all or nothing. A dry run records nothing
 * and answers what would be recorded. Rejects merging a workshop with itself, archived workshops, and
 * {@code combine} on a field AMY never combined.
 */
public record MergeWorkshops(UUID workshopA, UUID workshopB, WorkshopMergeStrategy strategy, boolean dryRun) {

    public MergeWorkshops {
        Objects.requireNonNull(workshopA, "workshopA");
        Objects.requireNonNull(workshopB, "workshopB");
        strategy = strategy == null ? WorkshopMergeStrategy.allFromA() : strategy;
        if (workshopA.equals(workshopB)) {
            throw InvalidInput.of("workshop_b", "merge-same-workshop", "A workshop cannot be merged with itself.");
        }
        WorkshopMergePlan.checkStrategy(strategy);
    }
}
