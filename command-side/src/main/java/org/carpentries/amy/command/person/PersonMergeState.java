package org.carpentries.amy.command.person;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A person as a merge plan starts from: the aggregate's profile, awards, lessons, domains and their tasks. */
public record PersonMergeState(UUID personId, PersonDetails details, Map<UUID, Award> awards, Set<UUID> lessonIds,
                               Set<UUID> domainIds, Set<PersonTask> tasks, boolean archived, boolean erased) {

    public PersonMergeState(UUID personId, PersonDetails details, Map<UUID, Award> awards, Set<UUID> lessonIds,
                            Set<UUID> domainIds, Collection<PersonTask> tasks, boolean archived, boolean erased) {
        this(personId, details, Map.copyOf(awards), Set.copyOf(lessonIds), Set.copyOf(domainIds), Set.copyOf(tasks),
                archived, erased);
    }
}
