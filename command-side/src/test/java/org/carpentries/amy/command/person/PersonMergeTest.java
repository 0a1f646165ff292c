package org.carpentries.amy.command.person;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonRestored;
import org.carpentries.amy.command.personal.InMemoryVault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the merge leaves on the absorbed person's aggregate. */
class PersonMergeTest {

    static final UUID P = PersonTest.P;
    static final UUID SURVIVOR = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID SWC = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        InMemoryLookups lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
        fixture.registerInjectableResource(new InMemoryVault());
        fixture.registerInjectableResource(new org.carpentries.amy.command.login.InMemoryLogins());
        lookups.putReference(ReferenceKind.BADGE, SWC, "swc-instructor", false);
    }

    @Test
    void aPersonMergedIntoAnotherCannotBeRestoredOnTheirOwn() {
        fixture.given(PersonTest.registered("potter_harry", "h@a.org"), new PersonMergedInto(P, SURVIVOR))
                .when(new RestorePerson(P))
                .expectNoEvents()
                .expectException(org.carpentries.amy.command.RuleViolation.class)
                .expectExceptionMessage("This person was merged into " + SURVIVOR
                        + "; they cannot be restored on their own.");
    }

    @Test
    void aPersonMergedIntoAnotherIsArchivedForEdits() {
        fixture.given(PersonTest.registered("potter_harry", "h@a.org"), new PersonMergedInto(P, SURVIVOR))
                .when(new AwardBadge(P, SWC, LocalDate.of(2016, 4, 6), null, null))
                .expectNoEvents()
                .expectExceptionMessage("Person " + P + " is archived; restore them first.");
    }

    @Test
    void anArchivedPersonNotMergedIsStillRestored() {
        fixture.given(PersonTest.registered("potter_harry", "h@a.org"),
                        new org.carpentries.amy.command.person.events.PersonArchived(P))
                .when(new RestorePerson(P))
                .expectEvents(new PersonRestored(P));
    }
}
