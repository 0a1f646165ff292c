package org.carpentries.amy.command.person;

import java.util.Objects;
import java.util.UUID;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.person.events.PersonMergeStrategy;

/**
 * Merge person B into A (or A into B, as {@code strategy.id()} says), all or nothing. A dry run records nothing
 * and answers what would be recorded. Rejects merging a person with themself, archived or erased people, and
 * {@code combine} on a field AMY never combined.
 */
public record MergePersons(UUID personA, UUID personB, PersonMergeStrategy strategy, boolean dryRun) {

    public MergePersons {
        Objects.requireNonNull(personA, "personA");
        Objects.requireNonNull(personB, "personB");
        strategy = strategy == null ? PersonMergeStrategy.allFromA() : strategy;
        if (personA.equals(personB)) {
            throw InvalidInput.of("person_b", "merge-same-person", "A person cannot be merged with themself.");
        }
        PersonMergePlan.checkStrategy(strategy);
    }
}
