package org.carpentries.amy.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carpentries.amy.command.personal.InMemoryVault.sealed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.person.events.AwardRevoked;
import org.carpentries.amy.command.person.events.BadgeAwarded;
import org.carpentries.amy.command.person.events.PersonDomainAdded;
import org.carpentries.amy.command.person.events.PersonDomainRemoved;
import org.carpentries.amy.command.person.events.PersonEmailChanged;
import org.carpentries.amy.command.person.events.PersonMergeStrategy;
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonNotesChanged;
import org.carpentries.amy.command.person.events.PersonQualificationWithdrawn;
import org.carpentries.amy.command.person.events.PersonQualified;
import org.carpentries.amy.command.person.events.PersonUsernameChanged;
import org.carpentries.amy.command.person.events.PersonsMerged;
import org.carpentries.amy.command.workshop.events.MergeChoice;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.junit.jupiter.api.Test;

class PersonMergePlanTest {

    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID SWC = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID DC = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID GIT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID SQL = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final UUID BIO = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID W1 = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID W2 = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    static final UUID INSTRUCTOR = UUID.fromString("00000000-0000-0000-0000-000000000011");
    static final UUID GIVER = UUID.fromString("00000000-0000-0000-0000-000000000099");
    static final MergeChoice a = MergeChoice.A;
    static final MergeChoice b = MergeChoice.B;
    static final MergeChoice c = MergeChoice.COMBINE;

    static PersonDetails details(String username, String email, String notes) {
        return new PersonDetails("Harry", null, "Potter", username, email, "U", null, null, null, null, "", "", "",
                notes, true);
    }

    static PersonMergeState state(UUID id, String username, String email, String notes, List<Award> awards,
                                  Set<UUID> lessons, Set<UUID> domains, Set<PersonTask> tasks) {
        Map<UUID, Award> byBadge = new java.util.HashMap<>();
        awards.forEach(w -> byBadge.put(w.badgeId(), w));
        return new PersonMergeState(id, details(username, email, notes), byBadge, lessons, domains, tasks, false,
                false);
    }

    static PersonMergeStrategy strategy(MergeChoice id, MergeChoice username, MergeChoice notes, MergeChoice awards,
                                        MergeChoice lessons, MergeChoice domains, MergeChoice tasks) {
        return new PersonMergeStrategy(id, username, a, a, a, username, a, a, a, a, a, a, a, a, a, notes, awards,
                lessons, domains, tasks);
    }

    static PersonMergeOutcome plan(PersonMergeState pa, PersonMergeState pb, PersonMergeStrategy s) {
        UUID survivor = s.id() == b ? B : A;
        return PersonMergePlan.plan(pa, pb, s, value -> sealed(survivor, value), List.of(), false);
    }

    @Test
    void combiningAwardsMovesTheMissingOnesWithTheirDetailsAndSkipsDuplicateBadges() {
        Award aSwc = new Award(SWC, LocalDate.of(2015, 1, 1), null, null);
        Award bSwc = new Award(SWC, LocalDate.of(2016, 2, 2), W1, GIVER);
        Award bDc = new Award(DC, LocalDate.of(2016, 3, 3), W2, GIVER);
        PersonMergeOutcome o = plan(state(A, "potter_harry", "h@a.org", "", List.of(aSwc), Set.of(), Set.of(),
                Set.of()), state(B, "potter_harry_2", "h@b.org", "", List.of(bSwc, bDc), Set.of(), Set.of(), Set.of()),
                strategy(a, a, a, c, a, a, a));
        assertThat(o.awards()).containsExactly(aSwc, bDc);
        assertThat(o.moved().awards()).containsExactly(bDc);
        assertThat(o.skippedDuplicates().awards()).containsExactly(bSwc);
        assertThat(o.warnings()).anyMatch(w -> w.startsWith("1 duplicate award"));
        assertThat(o.survivorEvents()).containsExactly(new PersonsMerged(A, B, strategy(a, a, a, c, a, a, a)),
                new BadgeAwarded(A, DC, LocalDate.of(2016, 3, 3), W2, GIVER));
        assertThat(o.absorbedEvents()).containsExactly(new AwardRevoked(B, SWC), new AwardRevoked(B, DC),
                new PersonMergedInto(B, A));
    }

    @Test
    void choosingTheOtherSideUnlinksTheSurvivorsOwnLessonsAndDomainsOnly() {
        PersonMergeOutcome o = plan(state(A, "potter_harry", null, "", List.of(), Set.of(GIT), Set.of(BIO), Set.of()),
                state(B, "potter_harry_2", null, "", List.of(), Set.of(SQL, GIT), Set.of(), Set.of()),
                strategy(a, a, a, a, b, b, a));
        assertThat(o.lessonIds()).containsExactly(GIT, SQL);
        assertThat(o.domainIds()).isEmpty();
        assertThat(o.removed().domainIds()).containsExactly(BIO);
        assertThat(o.moved().lessonIds()).containsExactly(SQL);
        assertThat(o.skippedDuplicates().lessonIds()).containsExactly(GIT);
        assertThat(o.survivorEvents()).containsExactly(new PersonsMerged(A, B, strategy(a, a, a, a, b, b, a)),
                new PersonQualified(A, SQL), new PersonDomainRemoved(A, BIO));
        assertThat(o.absorbedEvents()).containsExactly(new PersonQualificationWithdrawn(B, GIT),
                new PersonQualificationWithdrawn(B, SQL), new PersonMergedInto(B, A));
    }

    @Test
    void combiningTasksHandsTheAbsorbedRosterOverWorkshopByWorkshopAndSkipsDuplicates() {
        PersonTask w1 = new PersonTask(W1, INSTRUCTOR);
        PersonTask w2 = new PersonTask(W2, INSTRUCTOR);
        PersonMergeOutcome o = plan(state(A, "potter_harry", null, "", List.of(), Set.of(), Set.of(), Set.of(w1)),
                state(B, "potter_harry_2", null, "", List.of(), Set.of(), Set.of(), Set.of(w1, w2)),
                strategy(a, a, a, a, a, a, c));
        assertThat(o.tasks()).containsExactly(w1, w2);
        assertThat(o.moved().tasks()).containsExactly(w2);
        assertThat(o.skippedDuplicates().tasks()).containsExactly(w1);
        assertThat(o.workshopEvents()).containsExactly(new TaskRemoved(W1, B, INSTRUCTOR),
                new TaskRemoved(W2, B, INSTRUCTOR), new TaskAdded(W2, A, INSTRUCTOR));
    }

    @Test
    void keepingTheSurvivorsTasksDropsTheAbsorbedOnesAndSaysSo() {
        PersonTask w1 = new PersonTask(W1, INSTRUCTOR);
        PersonMergeOutcome o = plan(state(A, "potter_harry", null, "", List.of(), Set.of(), Set.of(), Set.of()),
                state(B, "potter_harry_2", null, "", List.of(), Set.of(), Set.of(), Set.of(w1)),
                strategy(a, a, a, a, a, a, a));
        assertThat(o.tasks()).isEmpty();
        assertThat(o.dropped().tasks()).containsExactly(w1);
        assertThat(o.workshopEvents()).containsExactly(new TaskRemoved(W1, B, INSTRUCTOR));
        assertThat(o.warnings()).anyMatch(w -> w.contains("not carried over"));
    }

    @Test
    void idBMakesBTheSurvivorAndAsValuesAreTakenFromA() {
        PersonMergeOutcome o = plan(state(A, "potter_harry", "h@a.org", "from a", List.of(), Set.of(), Set.of(),
                Set.of()), state(B, "potter_harry_2", "h@b.org", "from b", List.of(), Set.of(), Set.of(), Set.of()),
                strategy(b, a, c, a, a, a, a));
        assertThat(o.survivorId()).isEqualTo(B);
        assertThat(o.fields().username()).isEqualTo("potter_harry");
        assertThat(o.fields().notes()).isEqualTo("from a\nfrom b");
        assertThat(o.survivorEvents()).containsExactly(new PersonsMerged(B, A, strategy(b, a, c, a, a, a, a)),
                new PersonUsernameChanged(B, "potter_harry"), new PersonEmailChanged(B, sealed(B, "h@a.org")),
                new PersonNotesChanged(B, sealed(B, "from a\nfrom b")));
        assertThat(o.absorbedEvents()).containsExactly(new PersonMergedInto(A, B));
    }

    @Test
    void combinedNotesKeepOneCopyOfEqualTextsAndSkipEmptyOnes() {
        PersonMergeOutcome o = plan(state(A, "x", null, "same", List.of(), Set.of(), Set.of(), Set.of()),
                state(B, "y", null, "same", List.of(), Set.of(), Set.of(), Set.of()), strategy(a, a, c, a, a, a, a));
        assertThat(o.fields().notes()).isEqualTo("same");
        PersonMergeOutcome empty = plan(state(A, "x", null, "", List.of(), Set.of(), Set.of(), Set.of()),
                state(B, "y", null, "b only", List.of(), Set.of(), Set.of(), Set.of()), strategy(a, a, c, a, a, a, a));
        assertThat(empty.fields().notes()).isEqualTo("b only");
    }

    @Test
    void domainsFromTheAbsorbedSideAreAddedToTheSurvivor() {
        PersonMergeOutcome o = plan(state(A, "x", null, "", List.of(), Set.of(), Set.of(), Set.of()),
                state(B, "y", null, "", List.of(), Set.of(), Set.of(BIO), Set.of()), strategy(a, a, a, a, a, c, a));
        assertThat(o.survivorEvents()).contains(new PersonDomainAdded(A, BIO));
        assertThat(o.absorbedEvents()).containsExactly(new PersonDomainRemoved(B, BIO), new PersonMergedInto(B, A));
    }

    @Test
    void archivedOrErasedPeopleCannotBeMerged() {
        PersonMergeState fine = state(A, "x", null, "", List.of(), Set.of(), Set.of(), Set.of());
        PersonMergeState archived = new PersonMergeState(B, details("y", null, ""), Map.of(), Set.of(), Set.of(),
                Set.of(), true, false);
        PersonMergeState erased = new PersonMergeState(B, details("y", null, ""), Map.of(), Set.of(), Set.of(),
                Set.of(), false, true);
        assertThatThrownBy(() -> plan(fine, archived, PersonMergeStrategy.allFromA()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("person-archived"));
        assertThatThrownBy(() -> plan(fine, erased, PersonMergeStrategy.allFromA()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("person-erased"));
    }

    @Test
    void combineIsOnlyForNotesAndRelationsAndAPersonIsNotMergedWithThemself() {
        assertThatThrownBy(() -> new MergePersons(A, B, strategy(a, c, a, a, a, a, a), false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::code)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("username",
                                "merge-cannot-combine"), org.assertj.core.groups.Tuple.tuple("email",
                                "merge-cannot-combine")));
        assertThatThrownBy(() -> new MergePersons(A, A, null, false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).code())
                        .isEqualTo("merge-same-person"));
    }
}
