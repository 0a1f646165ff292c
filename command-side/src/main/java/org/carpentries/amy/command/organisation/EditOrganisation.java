package org.carpentries.amy.command.organisation;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.Countries;

/** Change some of an organisation's fields; a null change leaves a field alone. Same rules as registering. */
public record EditOrganisation(@TargetAggregateIdentifier UUID organisationId,
                               @TargetAggregateVersion Long expectedVersion, Change<String> domain,
                               Change<String> fullname, Change<String> country, Change<String> notes) {

    public EditOrganisation {
        Objects.requireNonNull(organisationId, "organisationId");
        domain = domain == null ? null : Change.to(Checks.blankToNull(domain.value()));
        fullname = fullname == null ? null : Change.to(Checks.blankToNull(fullname.value()));
        country = country == null ? null : Change.to(Countries.normalise(country.value()));
        notes = notes == null ? null : Change.to(Checks.nullToEmpty(notes.value()));
        Checks checks = new Checks();
        if (domain != null) {
            OrganisationRules.checkDomain(domain.value(), checks);
        }
        if (fullname != null) {
            OrganisationRules.checkFullname(fullname.value(), checks);
        }
        if (country != null) {
            Countries.check(country.value(), "country", checks);
        }
        checks.throwIfAny();
    }
}
