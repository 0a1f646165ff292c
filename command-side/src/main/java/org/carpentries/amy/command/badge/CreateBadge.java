package org.carpentries.amy.command.badge;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.Checks;

/**
 * Create a badge. Rejects a name that is not slug-like ({@code [a-z0-9-]+}, at most 40), shaped like an id or taken,
 * and a missing or too long title or criteria.
 */
public record CreateBadge(@TargetAggregateIdentifier UUID badgeId, String name, String title, String criteria) {

    public CreateBadge {
        Objects.requireNonNull(badgeId, "badgeId");
        name = Checks.blankToNull(name);
        title = Checks.blankToNull(title);
        criteria = Checks.blankToNull(criteria);
        Checks checks = new Checks();
        BadgeRules.checkName(name, checks);
        BadgeRules.checkTitle(title, checks);
        BadgeRules.checkCriteria(criteria, checks).throwIfAny();
    }
}
