package org.carpentries.amy.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.organisation.events.OrganisationCountryChanged;
import org.carpentries.amy.command.organisation.events.OrganisationDomainChanged;
import org.carpentries.amy.command.organisation.events.OrganisationRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganisationTest {

    private static final UUID ESU = UUID.fromString("00000000-0000-0000-0000-00000000e5e0");
    private AggregateTestFixture<Organisation> fixture;
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void registeringClaimsDomainAndFullName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ESU, "math.esu.edu", "East State University", "us", null))
                .expectEvents(new OrganisationRegistered(ESU, "math.esu.edu", "East State University", "US", ""));
        assertThat(lookups.holder(UniqueKind.ORGANISATION_DOMAIN, "math.esu.edu")).contains(ESU);
        assertThat(lookups.holder(UniqueKind.ORGANISATION_FULLNAME, "East State University")).contains(ESU);
    }

    @Test
    void domainsFollowAmysRule() {
        assertThatThrownBy(() -> new RegisterOrganisation(ESU, "http://esu.edu/", "ESU", null, ""))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::code)
                                .containsExactly("domain-invalid"));
        assertThat(new RegisterOrganisation(ESU, "uni-köln.de", "Köln", null, "").domain()).isEqualTo("uni-köln.de");
        assertThatThrownBy(() -> new RegisterOrganisation(ESU, "esu.edu", "ESU", "XX", ""))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void takenDomainOrFullNameIsRejected() {
        lookups.claim(UniqueKind.ORGANISATION_DOMAIN, "esu.edu", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ESU, "esu.edu", "ESU", null, ""))
                .expectException(RuleViolation.class);
        lookups.claim(UniqueKind.ORGANISATION_FULLNAME, "Taken Name", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(ESU, "other.edu", "Taken Name", null, ""))
                .expectException(RuleViolation.class);
    }

    @Test
    void editingChangesOnlyWhatDiffersAndMovesTheDomainClaim() {
        lookups.claim(UniqueKind.ORGANISATION_DOMAIN, "esu.edu", ESU);
        fixture.given(new OrganisationRegistered(ESU, "esu.edu", "ESU", "US", ""))
                .when(new EditOrganisation(ESU, null, Change.to("new.esu.edu"), Change.to("ESU"), Change.to("PL"),
                        null))
                .expectEvents(new OrganisationDomainChanged(ESU, "new.esu.edu"),
                        new OrganisationCountryChanged(ESU, "PL"));
        assertThat(lookups.holder(UniqueKind.ORGANISATION_DOMAIN, "esu.edu")).isEmpty();
        assertThat(lookups.holder(UniqueKind.ORGANISATION_DOMAIN, "new.esu.edu")).contains(ESU);
    }
}
