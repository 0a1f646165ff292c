package org.carpentries.amy.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.organisation.events.OrganisationCountryChanged;
import org.carpentries.amy.command.organisation.events.OrganisationDomainChanged;
import org.carpentries.amy.command.organisation.events.OrganisationFullnameChanged;
import org.carpentries.amy.command.organisation.events.OrganisationNotesChanged;
import org.carpentries.amy.command.organisation.events.OrganisationRegistered;

/** An organisation that hosts or administers workshops; its domain and full name are unique. */
@Aggregate(cache = "aggregateCache")
public class Organisation {

    @AggregateIdentifier
    private UUID organisationId;
    private String domain;
    private String fullname;
    private String country;
    private String notes;

    protected Organisation() {
    }

    @CommandHandler
    Organisation(RegisterOrganisation cmd, Lookups lookups) {
        claimDomain(cmd.organisationId(), cmd.domain(), lookups);
        claimFullname(cmd.organisationId(), cmd.fullname(), lookups);
        lookups.putReference(ReferenceKind.ORGANISATION, cmd.organisationId(), cmd.domain(), false);
        apply(new OrganisationRegistered(cmd.organisationId(), cmd.domain(), cmd.fullname(), cmd.country(),
                cmd.notes()));
    }

    @CommandHandler
    void handle(EditOrganisation cmd, Lookups lookups) {
        if (cmd.domain() != null && !cmd.domain().value().equals(domain)) {
            claimDomain(organisationId, cmd.domain().value(), lookups);
            lookups.release(UniqueKind.ORGANISATION_DOMAIN, domain, organisationId);
            lookups.putReference(ReferenceKind.ORGANISATION, organisationId, cmd.domain().value(), false);
            apply(new OrganisationDomainChanged(organisationId, cmd.domain().value()));
        }
        if (cmd.fullname() != null && !cmd.fullname().value().equals(fullname)) {
            claimFullname(organisationId, cmd.fullname().value(), lookups);
            lookups.release(UniqueKind.ORGANISATION_FULLNAME, fullname, organisationId);
            apply(new OrganisationFullnameChanged(organisationId, cmd.fullname().value()));
        }
        if (cmd.country() != null && !Objects.equals(cmd.country().value(), country)) {
            apply(new OrganisationCountryChanged(organisationId, cmd.country().value()));
        }
        if (cmd.notes() != null && !cmd.notes().value().equals(notes)) {
            apply(new OrganisationNotesChanged(organisationId, cmd.notes().value()));
        }
    }

    /** What a restore compares. */
    public OrganisationState state() {
        return new OrganisationState(organisationId, domain, fullname, country, notes);
    }

    private static void claimDomain(UUID id, String domain, Lookups lookups) {
        if (!lookups.claim(UniqueKind.ORGANISATION_DOMAIN, domain, id)) {
            throw new RuleViolation("domain-taken", "An organisation with domain '" + domain + "' already exists.");
        }
    }

    private static void claimFullname(UUID id, String fullname, Lookups lookups) {
        if (!lookups.claim(UniqueKind.ORGANISATION_FULLNAME, fullname, id)) {
            throw new RuleViolation("fullname-taken", "An organisation named '" + fullname + "' already exists.");
        }
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
        domain = event.domain();
        fullname = event.fullname();
        country = event.country();
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(OrganisationDomainChanged event) {
        domain = event.domain();
    }

    @EventSourcingHandler
    void on(OrganisationFullnameChanged event) {
        fullname = event.fullname();
    }

    @EventSourcingHandler
    void on(OrganisationCountryChanged event) {
        country = event.country();
    }

    @EventSourcingHandler
    void on(OrganisationNotesChanged event) {
        notes = event.notes();
    }
}
