package org.carpentries.amy.command.badge;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.Checks;

/** Change a badge's title or criteria; a null change leaves it alone, neither can be cleared, the name stays. */
public record EditBadge(@TargetAggregateIdentifier UUID badgeId, @TargetAggregateVersion Long expectedVersion,
                        Change<String> title, Change<String> criteria) {

    public EditBadge {
        Objects.requireNonNull(badgeId, "badgeId");
        title = title == null ? null : Change.to(Checks.blankToNull(title.value()));
        criteria = criteria == null ? null : Change.to(Checks.blankToNull(criteria.value()));
        Checks checks = new Checks();
        if (title != null) {
            BadgeRules.checkTitle(title.value(), checks);
        }
        if (criteria != null) {
            BadgeRules.checkCriteria(criteria.value(), checks);
        }
        checks.throwIfAny();
    }
}
