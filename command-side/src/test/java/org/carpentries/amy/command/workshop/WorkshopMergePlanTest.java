package org.carpentries.amy.command.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.workshop.events.MergeChoice;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.carpentries.amy.command.workshop.events.WorkshopContactChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergeStrategy;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopSlugChanged;
import org.carpentries.amy.command.workshop.events.WorkshopsMerged;
import org.junit.jupiter.api.Test;

class WorkshopMergePlanTest {

    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID DC = WorkshopTest.DC;
    static final UUID LC = WorkshopTest.LC;
    static final UUID SWC = WorkshopTest.SWC;
    static final MergeChoice a = MergeChoice.A;
    static final MergeChoice b = MergeChoice.B;
    static final MergeChoice c = MergeChoice.COMBINE;

    static WorkshopState state(UUID id, String slug, String contact, Set<UUID> tags) {
        WorkshopFields f = WorkshopTest.fields(slug);
        f = new WorkshopFields(f.slug(), f.hostId(), null, f.start(), f.end(), f.url(), null, null, null, null, "",
                contact, f.country(), f.venue(), f.address(), f.latitude(), f.longitude(), "", "", "", "", "", false, null);
        return new WorkshopState(id, f, tags, Set.of(), false, null, 3);
    }

    static WorkshopMergeStrategy strategy(MergeChoice id, MergeChoice slug, MergeChoice contact, MergeChoice tags) {
        return new WorkshopMergeStrategy(id, slug, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, contact, a, a,
                a, tags, a, a);
    }

    @Test
    void baseAWithTagsFromBUnassignsOnlyAsOwnLinks() {
        MergeOutcome outcome = WorkshopMergePlan.plan(state(A, "2016-05-06-RDAP16-Atlanta", "", Set.of(DC, LC)),
                state(B, "2016-05-06-asist", "", Set.of(SWC)), strategy(a, a, a, b), false);
        assertThat(outcome.survivorId()).isEqualTo(A);
        assertThat(outcome.tagIds()).containsExactly(SWC);
        assertThat(outcome.survivorEvents()).containsExactly(
                new WorkshopsMerged(A, B, strategy(a, a, a, b)),
                new TagUnassignedFromWorkshop(A, DC), new TagUnassignedFromWorkshop(A, LC),
                new TagAssignedToWorkshop(A, SWC));
        assertThat(outcome.absorbedEvents()).containsExactly(new WorkshopMergedInto(B, A));
        assertThat(outcome.survivorEvents()).allSatisfy(e -> assertThat(e.workshopId()).isEqualTo(A));
    }

    @Test
    void idBChoosesBAsTheSurvivor() {
        MergeOutcome outcome = WorkshopMergePlan.plan(state(A, "a-slug", "", Set.of(DC)),
                state(B, "b-slug", "", Set.of(SWC)), strategy(b, a, a, c), false);
        assertThat(outcome.survivorId()).isEqualTo(B);
        assertThat(outcome.absorbedId()).isEqualTo(A);
        assertThat(outcome.fields().slug()).isEqualTo("a-slug");
        assertThat(outcome.survivorEvents()).contains(new WorkshopSlugChanged(B, "a-slug"),
                new TagAssignedToWorkshop(B, DC));
        assertThat(outcome.tagIds()).containsExactlyInAnyOrder(DC, SWC);
    }

    @Test
    void combinedTextIsJoinedByALineBreakWithoutRepeats() {
        MergeOutcome outcome = WorkshopMergePlan.plan(state(A, "x", "alice@esu.edu", Set.of(DC)),
                state(B, "y", "bob@esu.edu", Set.of(DC)), strategy(a, a, c, c), false);
        assertThat(outcome.fields().contact()).isEqualTo("alice@esu.edu\nbob@esu.edu");
        assertThat(outcome.survivorEvents()).contains(new WorkshopContactChanged(A, "alice@esu.edu\nbob@esu.edu"));
        assertThat(WorkshopMergePlan.text(c, "Internet", "Internet")).isEqualTo("Internet");
        assertThat(WorkshopMergePlan.text(c, "", "Main St")).isEqualTo("Main St");
    }

    @Test
    void onlyAmysCombinableFieldsMayCombine() {
        WorkshopMergeStrategy bad = new WorkshopMergeStrategy(a, c, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a,
                a, a, a, a, a, a, a, a);
        assertThatThrownBy(() -> new MergeWorkshops(A, B, bad, false)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("slug"));
    }

    @Test
    void aWorkshopCannotBeMergedWithItselfNorWithAnArchivedOne() {
        assertThatThrownBy(() -> new MergeWorkshops(A, A, null, true)).isInstanceOf(InvalidInput.class);
        WorkshopState archived = new WorkshopState(B, WorkshopTest.fields("y"), Set.of(DC), Set.of(), true, null,
                4);
        assertThatThrownBy(() -> WorkshopMergePlan.plan(state(A, "x", "", Set.of(DC)), archived,
                WorkshopMergeStrategy.allFromA(), true)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void combinedTasksSkipAndReportDuplicatesAndTheAbsorbedWorkshopGivesUpItsRoster() {
        UUID harry = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
        UUID ron = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
        UUID instructor = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
        Task harryTeaches = new Task(harry, instructor);
        Task ronTeaches = new Task(ron, instructor);
        WorkshopState wa = new WorkshopState(A, WorkshopTest.fields("x"), Set.of(DC), Set.of(harryTeaches), false,
                null, 2);
        WorkshopState wb = new WorkshopState(B, WorkshopTest.fields("y"), Set.of(DC), Set.of(harryTeaches,
                ronTeaches), false, null, 3);
        WorkshopMergeStrategy combineTasks = new WorkshopMergeStrategy(a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a,
                a, a, a, a, a, a, a, a, a, a, c);
        MergeOutcome outcome = WorkshopMergePlan.plan(wa, wb, combineTasks, true);
        assertThat(outcome.tasks()).containsExactlyInAnyOrder(harryTeaches, ronTeaches);
        assertThat(outcome.skippedDuplicateTasks()).containsExactly(harryTeaches);
        assertThat(outcome.survivorEvents()).containsExactly(new WorkshopsMerged(A, B, combineTasks),
                new TaskAdded(A, ron, instructor));
        assertThat(outcome.absorbedEvents()).containsExactly(new TaskRemoved(B, harry, instructor),
                new TaskRemoved(B, ron, instructor), new WorkshopMergedInto(B, A));

        WorkshopMergeStrategy tasksFromB = new WorkshopMergeStrategy(a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a,
                a, a, a, a, a, a, a, a, a, a, b);
        WorkshopState nobodyOnB = new WorkshopState(B, WorkshopTest.fields("y"), Set.of(DC), Set.of(), false, null,
                3);
        MergeOutcome fromB = WorkshopMergePlan.plan(wa, nobodyOnB, tasksFromB, true);
        assertThat(fromB.tasks()).isEmpty();
        assertThat(fromB.survivorEvents()).contains(new TaskRemoved(A, harry, instructor));
    }

    @Test
    void combinedTextLongerThanAmysLimitIsRejected() {
        String half = "x".repeat(200);
        assertThatThrownBy(() -> WorkshopMergePlan.plan(state(A, "x", half, Set.of(DC)),
                state(B, "y", half + "y", Set.of(DC)), strategy(a, a, c, a), true))
                .isInstanceOf(InvalidInput.class);
    }
}
