package org.carpentries.amy.command.organisation;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.Checks;
import org.carpentries.amy.command.Countries;

/** Make an organisation known. Rejects a malformed or taken domain, a taken full name, an unknown country. */
public record RegisterOrganisation(@TargetAggregateIdentifier UUID organisationId, String domain, String fullname,
                                   String country, String notes) {

    public RegisterOrganisation {
        Objects.requireNonNull(organisationId, "organisationId");
        domain = Checks.blankToNull(domain);
        fullname = Checks.blankToNull(fullname);
        country = Countries.normalise(country);
        notes = Checks.nullToEmpty(notes);
        Checks checks = new Checks();
        OrganisationRules.checkDomain(domain, checks);
        OrganisationRules.checkFullname(fullname, checks);
        Countries.check(country, "country", checks).throwIfAny();
    }
}
