package org.carpentries.amy.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carpentries.amy.command.personal.InMemoryVault.sealed;

import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.person.events.PersonArchived;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonErased;
import org.carpentries.amy.command.person.events.PersonMarkedNotDuplicate;
import org.carpentries.amy.command.person.events.PersonQualificationWithdrawn;
import org.carpentries.amy.command.person.events.PersonQualified;
import org.carpentries.amy.command.person.events.PersonRegistered;
import org.carpentries.amy.command.person.events.PersonRenamed;
import org.carpentries.amy.command.personal.InMemoryVault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {

    static final UUID P = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID GIT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID SQL = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private AggregateTestFixture<Person> fixture;
    private InMemoryLookups lookups;
    private InMemoryVault vault;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        lookups = new InMemoryLookups();
        vault = new InMemoryVault();
        fixture.registerInjectableResource(lookups);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(new org.carpentries.amy.command.login.InMemoryLogins());
        lookups.putReference(ReferenceKind.LESSON, GIT, "swc/git", false);
        lookups.putReference(ReferenceKind.LESSON, SQL, "swc/sql", false);
    }

    static PersonDetails harry(String email) {
        return new PersonDetails(" Harry ", null, "Potter ", null, email, null, null, null, "@hpotter", null, null,
                null, "Hogwarts", null, true);
    }

    static PersonRegistered registered(String username, String email) {
        return new PersonRegistered(P, "Harry", null, "Potter", username, true, sealed(P, email), sealed(P, "U"),
                null, null, sealed(P, "hpotter"), null, sealed(P, ""), sealed(P, ""), sealed(P, "Hogwarts"),
                sealed(P, ""));
    }

    @Test
    void registeringTrimsLowerCasesGeneratesTheUsernameAndSealsPersonalData() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(P, harry(" Harry@Hogwarts.EDU "), Set.of(GIT), Set.of()))
                .expectEvents(registered("potter_harry", "harry@hogwarts.edu"), new PersonQualified(P, GIT));
        assertThat(lookups.holder(UniqueKind.PERSON_USERNAME, "potter_harry")).contains(P);
        assertThat(lookups.holder(UniqueKind.PERSON_EMAIL, Digests.of("email", "HARRY@hogwarts.edu"))).contains(P);
        assertThat(lookups.holder(UniqueKind.PERSON_EMAIL, "harry@hogwarts.edu")).isEmpty();
    }

    @Test
    void aTakenUsernameGetsASuffixButAChosenTakenOneIsRejected() {
        lookups.claim(UniqueKind.PERSON_USERNAME, "potter_harry", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(P, harry(null), Set.of(), Set.of()))
                .expectSuccessfulHandlerExecution();
        assertThat(lookups.holder(UniqueKind.PERSON_USERNAME, "potter_harry_2")).contains(P);
        PersonDetails chosen = new PersonDetails("Harry", null, "Potter", "potter_harry", null, null, null, null,
                null, null, null, null, null, null, true);
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(UUID.randomUUID(), chosen, Set.of(), Set.of()))
                .expectException(RuleViolation.class);
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        lookups.claim(UniqueKind.PERSON_EMAIL, Digests.of("email", "harry@hogwarts.edu"), UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(P, harry("HARRY@hogwarts.edu"), Set.of(), Set.of()))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Another person already has this email.");
    }

    @Test
    void amysFormRulesAreShapeErrors() {
        assertThatThrownBy(() -> new RegisterPerson(P, new PersonDetails("", null, "", "bad name", null, "X", null,
                null, null, null, null, null, null, null, true), null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::code)
                        .containsExactlyInAnyOrder("required", "required", "username-invalid", "gender-unknown"));
    }

    @Test
    void unknownLessonsAndAirportsAreRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(P, harry(null), Set.of(UUID.randomUUID()), Set.of()))
                .expectException(InvalidInput.class);
        PersonDetails withAirport = new PersonDetails("Harry", null, "Potter", null, null, null, UUID.randomUUID(),
                null, null, null, null, null, null, null, true);
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson(P, withAirport, Set.of(), Set.of()))
                .expectException(InvalidInput.class);
    }

    @Test
    void editingRecordsOnlyWhatChangedAndMovesTheEmailClaim() {
        lookups.claim(UniqueKind.PERSON_EMAIL, Digests.of("email", "harry@hogwarts.edu"), P);
        PersonPatch patch = new PersonPatch(null, null, Change.to("Potter-Evans"), null,
                Change.to("harry@ministry.gov"), null, null, null, null, null, null, null, Change.to("Hogwarts"),
                null, null, Set.of(SQL), null);
        fixture.given(registered("potter_harry", "harry@hogwarts.edu"), new PersonQualified(P, GIT))
                .when(new EditPerson(P, null, patch))
                .expectEvents(new PersonRenamed(P, "Harry", null, "Potter-Evans"),
                        new PersonEmailChanged(P, sealed(P, "harry@ministry.gov")),
                        new PersonQualificationWithdrawn(P, GIT), new PersonQualified(P, SQL));
        assertThat(lookups.holder(UniqueKind.PERSON_EMAIL, Digests.of("email", "harry@hogwarts.edu"))).isEmpty();
        assertThat(lookups.holder(UniqueKind.PERSON_EMAIL, Digests.of("email", "harry@ministry.gov"))).contains(P);
    }

    @Test
    void archivingFreesUniqueValuesAndBlocksEdits() {
        lookups.claim(UniqueKind.PERSON_USERNAME, "potter_harry", P);
        lookups.claim(UniqueKind.PERSON_EMAIL, Digests.of("email", "harry@hogwarts.edu"), P);
        fixture.given(registered("potter_harry", "harry@hogwarts.edu"))
                .when(new ArchivePerson(P))
                .expectEvents(new PersonArchived(P));
        assertThat(lookups.holder(UniqueKind.PERSON_USERNAME, "potter_harry")).isEmpty();
        assertThat(lookups.holder(UniqueKind.PERSON_EMAIL, Digests.of("email", "harry@hogwarts.edu"))).isEmpty();
        fixture.given(registered("potter_harry", "harry@hogwarts.edu"), new PersonArchived(P))
                .when(new EditPerson(P, null, new PersonPatch(Change.to("H"), null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null)))
                .expectException(RuleViolation.class);
    }

    @Test
    void aBadgeIsAwardedOnceAndRevokedAsAnEvent() {
        UUID badge = UUID.randomUUID();
        UUID workshop = UUID.randomUUID();
        lookups.putReference(ReferenceKind.BADGE, badge, "swc-instructor", false);
        lookups.putReference(ReferenceKind.WORKSHOP, workshop, "2016-05-06-ttt", false);
        java.time.LocalDate day = java.time.LocalDate.of(2016, 5, 7);
        fixture.given(registered("potter_harry", null))
                .when(new AwardBadge(P, badge, day, workshop, null))
                .expectEvents(new BadgeAwarded(P, badge, day, workshop, null));
        fixture.given(registered("potter_harry", null), new BadgeAwarded(P, badge, day, null, null))
                .when(new AwardBadge(P, badge, day, null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The person already holds this badge; revoke it first to change the award.");
        fixture.given(registered("potter_harry", null), new BadgeAwarded(P, badge, day, null, null))
                .when(new RevokeAward(P, badge))
                .expectEvents(new AwardRevoked(P, badge));
        fixture.given(registered("potter_harry", null))
                .when(new RevokeAward(P, badge))
                .expectNoEvents();
        fixture.given(registered("potter_harry", null))
                .when(new AwardBadge(P, UUID.randomUUID(), day, null, null))
                .expectException(org.carpentries.amy.command.RecordNotFound.class);
        fixture.given(registered("potter_harry", null))
                .when(new AwardBadge(P, badge, day, UUID.randomUUID(), null))
                .expectException(InvalidInput.class);
    }

    @Test
    void aPairIsMarkedNotDuplicateOnceOnTheSmallerId() {
        UUID other = UUID.fromString("00000000-0000-0000-0000-0000000000f9");
        lookups.putReference(ReferenceKind.PERSON, other, "other", false);
        assertThat(MarkNotDuplicate.of(other, P)).isEqualTo(new MarkNotDuplicate(P, other));
        fixture.given(registered("potter_harry", null))
                .when(MarkNotDuplicate.of(other, P))
                .expectEvents(new PersonMarkedNotDuplicate(P, other));
        fixture.given(registered("potter_harry", null), new PersonMarkedNotDuplicate(P, other))
                .when(new MarkNotDuplicate(P, other))
                .expectNoEvents();
        fixture.given(registered("potter_harry", null))
                .when(new MarkNotDuplicate(P, UUID.fromString("00000000-0000-0000-0000-0000000000fa")))
                .expectException(org.carpentries.amy.command.RecordNotFound.class);
        assertThatThrownBy(() -> MarkNotDuplicate.of(P, P)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void erasingDeletesTheKeyFreesTheEmailAndClosesTheRecord() {
        lookups.claim(UniqueKind.PERSON_EMAIL, Digests.of("email", "harry@hogwarts.edu"), P);
        vault.createKey(P);
        fixture.given(registered("potter_harry", "harry@hogwarts.edu"))
                .when(new ErasePerson(P))
                .expectEvents(new PersonErased(P));
        assertThat(vault.erased(P)).isTrue();
        assertThat(lookups.holder(UniqueKind.PERSON_EMAIL, Digests.of("email", "harry@hogwarts.edu"))).isEmpty();
        fixture.given(registered("potter_harry", "harry@hogwarts.edu"), new PersonErased(P))
                .when(new ErasePerson(P))
                .expectNoEvents();
        fixture.given(registered("potter_harry", "harry@hogwarts.edu"), new PersonErased(P))
                .when(new EditPerson(P, null, new PersonPatch(Change.to("H"), null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("This person's personal data was erased; the record is closed.");
    }
}
