package org.carpentries.amy.command.person;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.InvalidInput;

/**
 * Record that two people who look alike are different people. Sent to the person with the smaller id (use
 * {@link #of}); marking a pair twice changes nothing; the other person must exist.
 */
public record MarkNotDuplicate(@TargetAggregateIdentifier UUID personId, UUID otherPersonId) {

    public MarkNotDuplicate {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(otherPersonId, "otherPersonId");
        if (personId.equals(otherPersonId)) {
            throw InvalidInput.of("b", "same-person", "A person cannot be a duplicate of themselves.");
        }
        if (personId.compareTo(otherPersonId) > 0) {
            throw new IllegalArgumentException("Send the pair to the smaller id; use MarkNotDuplicate.of");
        }
    }

    public static MarkNotDuplicate of(UUID a, UUID b) {
        if (a.equals(b)) {
            throw InvalidInput.of("b", "same-person", "A person cannot be a duplicate of themselves.");
        }
        return a.compareTo(b) < 0 ? new MarkNotDuplicate(a, b) : new MarkNotDuplicate(b, a);
    }
}
