package org.carpentries.amy.command.person;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a person. Without a username one is made as AMY did; rejects AMY's form errors, a taken email,
 * username, GitHub or Twitter handle, and unknown airports, lessons or knowledge domains.
 */
public record RegisterPerson(@TargetAggregateIdentifier UUID personId, PersonDetails details, Set<UUID> lessonIds,
                             Set<UUID> domainIds) {

    public RegisterPerson {
        Objects.requireNonNull(personId, "personId");
        details = Objects.requireNonNull(details, "details").normalised();
        lessonIds = lessonIds == null ? Set.of() : Set.copyOf(lessonIds);
        domainIds = domainIds == null ? Set.of() : Set.copyOf(domainIds);
    }
}
