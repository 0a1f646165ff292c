package org.carpentries.amy.command.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RecordNotFound;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.workshop.events.InvoiceStatus;
import org.carpentries.amy.command.workshop.events.TagAssignedToWorkshop;
import org.carpentries.amy.command.workshop.events.TagUnassignedFromWorkshop;
import org.carpentries.amy.command.workshop.events.TaskAdded;
import org.carpentries.amy.command.workshop.events.TaskRemoved;
import org.carpentries.amy.command.workshop.events.WorkshopAttendanceChanged;
import org.carpentries.amy.command.workshop.events.WorkshopArchived;
import org.carpentries.amy.command.workshop.events.WorkshopAssigneeChanged;
import org.carpentries.amy.command.workshop.events.WorkshopCompleted;
import org.carpentries.amy.command.workshop.events.WorkshopDatesChanged;
import org.carpentries.amy.command.workshop.events.Location;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;
import org.carpentries.amy.command.workshop.events.WorkshopMergedInto;
import org.carpentries.amy.command.workshop.events.WorkshopRestored;
import org.carpentries.amy.command.workshop.events.WorkshopScheduled;
import org.carpentries.amy.command.workshop.events.WorkshopSlugChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkshopTest {

    static final UUID W = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID HOST = UUID.fromString("00000000-0000-0000-0000-0000000000b0");
    /** Tag ids in reading order, since tag events are recorded in id order. */
    static final UUID DC = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID LC = UUID.fromString("00000000-0000-0000-0000-0000000000d2");
    static final UUID SWC = UUID.fromString("00000000-0000-0000-0000-0000000000d3");
    static final UUID OLD = UUID.fromString("00000000-0000-0000-0000-0000000000d9");

    private AggregateTestFixture<Workshop> fixture;
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Workshop.class);
        lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
        lookups.putReference(ReferenceKind.ORGANISATION, HOST, "esu.edu", false);
        for (UUID tag : Set.of(DC, LC, SWC)) {
            lookups.putReference(ReferenceKind.TAG, tag, tag.toString(), false);
        }
        lookups.putReference(ReferenceKind.TAG, OLD, "old", true);
    }

    static WorkshopFields fields(String slug) {
        return new WorkshopFields(slug, HOST, null, LocalDate.of(2016, 5, 6), LocalDate.of(2016, 5, 7),
                "https://esu.github.io/" + slug + "/", null, null, null, null, null, null, "US", "Main hall",
                "1 Main St", 33.7, -84.4, null, null, null, null, null, false, null);
    }

    static WorkshopScheduled scheduled(UUID id, String slug) {
        WorkshopFields f = fields(slug);
        return new WorkshopScheduled(id, f.slug(), f.hostId(), null, f.start(), f.end(), f.url(), null, null, null,
                InvoiceStatus.UNKNOWN, "", "", "US", "Main hall", "1 Main St", 33.7, -84.4, "", "", "", "", "", null);
    }

    @Test
    void schedulingRecordsTheWorkshopThenItsTagsAndClaimsSlugAndUrl() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkshop(W, fields("2016-05-06-esu"), Set.of(SWC, DC)))
                .expectEvents(scheduled(W, "2016-05-06-esu"), new TagAssignedToWorkshop(W, DC),
                        new TagAssignedToWorkshop(W, SWC));
        assertThat(lookups.holder(UniqueKind.WORKSHOP_SLUG, "2016-05-06-esu")).contains(W);
        assertThat(lookups.holder(UniqueKind.WORKSHOP_URL, "https://esu.github.io/2016-05-06-esu/")).contains(W);
    }

    @Test
    void aWorkshopNeedsATagThatExistsAndIsNotRetired() {
        assertThatThrownBy(() -> new ScheduleWorkshop(W, fields("a"), Set.of())).isInstanceOf(InvalidInput.class);
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkshop(W, fields("x-1"), Set.of(UUID.randomUUID())))
                .expectException(RecordNotFound.class);
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkshop(W, fields("x-1"), Set.of(OLD)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Tag 'old' is retired and cannot be assigned.");
    }

    @Test
    void theHostAndAdministratorMustExist() {
        WorkshopFields unknownHost = new WorkshopFields("x-1", UUID.randomUUID(), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, null);
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkshop(W, unknownHost, Set.of(DC)))
                .expectException(InvalidInput.class);
    }

    @Test
    void aTakenSlugOrUrlIsRejected() {
        lookups.claim(UniqueKind.WORKSHOP_SLUG, "2016-05-06-esu", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkshop(W, fields("2016-05-06-esu"), Set.of(DC)))
                .expectException(RuleViolation.class);
        lookups.claim(UniqueKind.WORKSHOP_URL, "https://esu.github.io/other/", UUID.randomUUID());
        WorkshopFields f = new WorkshopPatch(null, null, null, null, null, Change.to("https://esu.github.io/other/"),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                .applyTo(fields("free-slug"));
        fixture.givenNoPriorActivity()
                .when(new ScheduleWorkshop(W, f, Set.of(DC)))
                .expectException(RuleViolation.class);
    }

    @Test
    void slugRulesAreAmys() {
        assertThat(codes(() -> fields("has space").normalised())).containsExactly("slug-invalid-characters");
        assertThat(codes(() -> fields("a/b").normalised())).containsExactly("slug-invalid-characters");
        assertThat(codes(() -> fields("1234").normalised())).containsExactly("slug-is-integer");
        assertThat(codes(() -> fields("-12").normalised())).containsExactly("slug-is-integer");
        assertThat(codes(() -> fields(UUID.randomUUID().toString()).normalised()))
                .containsExactly("slug-looks-like-id");
        assertThat(fields("2016-05-06-zürich").normalised().slug()).isEqualTo("2016-05-06-zürich");
        assertThat(fields("  ").normalised().slug()).isNull();
    }

    @Test
    void aRepositoryUrlIsRejectedWithAHintToTheWebsite() {
        WorkshopFields f = new WorkshopFields("s", HOST, null, null, null, "https://github.com/esu/2016-05-06-esu",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, null);
        assertThatThrownBy(f::normalised).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.errors()).extracting(InvalidInput.FieldError::code).containsExactly("url-is-repository");
            assertThat(e.errors().get(0).message()).contains("https://esu.github.io/2016-05-06-esu/");
        });
    }

    @Test
    void endBeforeStartAndNegativeNumbersAreRejectedTogether() {
        WorkshopFields f = new WorkshopFields("s", HOST, null, LocalDate.of(2016, 5, 6), LocalDate.of(2016, 5, 5),
                null, null, -1, new BigDecimal("-0.01"), null, null, null, null, null, null, null, null, null, null,
                null, null, null, false, null);
        assertThat(codes(f::normalised))
                .containsExactlyInAnyOrder("end-before-start", "attendance-negative", "admin-fee-negative");
    }

    @Test
    void onlineCountryForcesAmysOnlineLocation() {
        WorkshopFields f = new WorkshopFields("s", HOST, null, null, null, null, null, null, null, null, null, null,
                "w3", "My living room", "", 1.0, 2.0, null, null, null, null, null, false, null).normalised();
        assertThat(f.country()).isEqualTo("W3");
        assertThat(f.venue()).isEqualTo("Internet");
        assertThat(f.address()).isEqualTo("Internet");
        assertThat(f.latitude()).isEqualTo(-48.876667);
        assertThat(f.longitude()).isEqualTo(-123.393333);
    }

    @Test
    void editingRecordsOneEventPerChangedGroupAndMovesTheSlugClaim() {
        lookups.claim(UniqueKind.WORKSHOP_SLUG, "old-slug", W);
        fixture.given(scheduled(W, "old-slug"), new TagAssignedToWorkshop(W, DC))
                .when(new EditWorkshop(W, 1L, patch().slug(Change.to("new-slug")).end(Change.to(
                        LocalDate.of(2016, 5, 8))).country(Change.to("W3")).build()))
                .expectEvents(new WorkshopSlugChanged(W, "new-slug"),
                        new WorkshopDatesChanged(W, LocalDate.of(2016, 5, 6), LocalDate.of(2016, 5, 8)),
                        new WorkshopLocationChanged(W, new Location("W3", "Internet", "Internet", -48.876667, -123.393333)));
        assertThat(lookups.holder(UniqueKind.WORKSHOP_SLUG, "old-slug")).isEmpty();
        assertThat(lookups.holder(UniqueKind.WORKSHOP_SLUG, "new-slug")).contains(W);
    }

    @Test
    void editingWithTheSameValuesRecordsNothing() {
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new EditWorkshop(W, null, patch().venue(Change.to(" Main hall ")).build()))
                .expectNoEvents();
    }

    @Test
    void editingAtAnOlderVersionIsAConflict() {
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new EditWorkshop(W, 0L, patch().venue(Change.to("Elsewhere")).build()))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void anEditThatPutsTheEndBeforeTheStartIsRejected() {
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new EditWorkshop(W, null, patch().end(Change.to(LocalDate.of(2016, 5, 1))).build()))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void assigningIsIdempotentAndRefusesRetiredTags() {
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new AssignTagToWorkshop(W, DC))
                .expectNoEvents();
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new AssignTagToWorkshop(W, OLD))
                .expectException(RuleViolation.class);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new AssignTagToWorkshop(W, LC))
                .expectEvents(new TagAssignedToWorkshop(W, LC));
    }

    @Test
    void theLastTagCannotBeUnassignedButOthersCan() {
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new UnassignTagFromWorkshop(W, DC))
                .expectException(RuleViolation.class);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new TagAssignedToWorkshop(W, LC))
                .when(new UnassignTagFromWorkshop(W, DC))
                .expectEvents(new TagUnassignedFromWorkshop(W, DC));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new UnassignTagFromWorkshop(W, LC))
                .expectNoEvents();
    }

    @Test
    void replacingTagsUnassignsOnlyFromThisWorkshop() {
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new TagAssignedToWorkshop(W, LC))
                .when(new ReplaceWorkshopTags(W, Set.of(SWC)))
                .expectEvents(new TagUnassignedFromWorkshop(W, DC), new TagUnassignedFromWorkshop(W, LC),
                        new TagAssignedToWorkshop(W, SWC));
    }

    @Test
    void replacingMayKeepARetiredTagButNotAddOne() {
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, OLD))
                .when(new ReplaceWorkshopTags(W, Set.of(OLD, DC)))
                .expectEvents(new TagAssignedToWorkshop(W, DC));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new ReplaceWorkshopTags(W, Set.of(OLD, DC)))
                .expectException(RuleViolation.class);
    }

    @Test
    void aWorkshopIsAssignedOnlyToAnEnabledLogin() {
        UUID admin = UUID.randomUUID();
        lookups.putReference(ReferenceKind.ACCOUNT, admin, "admin", false);
        WorkshopPatch assign = new WorkshopPatch(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Change.to(admin));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new EditWorkshop(W, null, assign))
                .expectEvents(new WorkshopAssigneeChanged(W, admin));
        WorkshopPatch stranger = new WorkshopPatch(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Change.to(UUID.randomUUID()));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new EditWorkshop(W, null, stranger))
                .expectException(InvalidInput.class);
        UUID disabled = UUID.randomUUID();
        lookups.putReference(ReferenceKind.ACCOUNT, disabled, "former", true);
        WorkshopPatch former = new WorkshopPatch(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Change.to(disabled));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new EditWorkshop(W, null, former))
                .expectException(InvalidInput.class);
    }

    @Test
    void tasksAreUniqueAndALearnerRaisesAnEmptyOrLowerAttendance() {
        UUID harry = UUID.randomUUID();
        UUID ron = UUID.randomUUID();
        UUID learner = UUID.randomUUID();
        UUID instructor = UUID.randomUUID();
        lookups.putReference(ReferenceKind.PERSON, harry, "potter_harry", false);
        lookups.putReference(ReferenceKind.PERSON, ron, "weasley_ron", false);
        lookups.putReference(ReferenceKind.ROLE, learner, "learner", false);
        lookups.putReference(ReferenceKind.ROLE, instructor, "instructor", false);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new AddTask(W, harry, learner))
                .expectEvents(new TaskAdded(W, harry, learner), new WorkshopAttendanceChanged(W, 1));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new TaskAdded(W, harry, learner),
                        new WorkshopAttendanceChanged(W, 1))
                .when(new AddTask(W, ron, learner))
                .expectEvents(new TaskAdded(W, ron, learner), new WorkshopAttendanceChanged(W, 2));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new WorkshopAttendanceChanged(W, 30))
                .when(new AddTask(W, harry, learner))
                .expectEvents(new TaskAdded(W, harry, learner));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new AddTask(W, harry, instructor))
                .expectEvents(new TaskAdded(W, harry, instructor));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new TaskAdded(W, harry, instructor))
                .when(new AddTask(W, harry, instructor))
                .expectNoEvents();
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new TaskAdded(W, harry, instructor))
                .when(new RemoveTask(W, harry, instructor))
                .expectEvents(new TaskRemoved(W, harry, instructor));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new RemoveTask(W, harry, instructor))
                .expectNoEvents();
    }

    @Test
    void tasksNeedAKnownActivePersonAndRole() {
        UUID archived = UUID.randomUUID();
        UUID role = UUID.randomUUID();
        lookups.putReference(ReferenceKind.PERSON, archived, "gone", true);
        lookups.putReference(ReferenceKind.ROLE, role, "helper", false);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new AddTask(W, UUID.randomUUID(), role))
                .expectException(RecordNotFound.class);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new AddTask(W, archived, role))
                .expectException(RuleViolation.class);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new AddTask(W, UUID.randomUUID(), UUID.randomUUID()))
                .expectException(RecordNotFound.class);
    }

    @Test
    void completingIsIdempotent() {
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new MarkWorkshopCompleted(W))
                .expectEvents(new WorkshopCompleted(W));
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new WorkshopCompleted(W))
                .when(new MarkWorkshopCompleted(W))
                .expectNoEvents();
    }

    @Test
    void archivingFreesSlugAndUrlAndBlocksChangesUntilRestored() {
        lookups.claim(UniqueKind.WORKSHOP_SLUG, "s", W);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC))
                .when(new ArchiveWorkshop(W))
                .expectEvents(new WorkshopArchived(W));
        assertThat(lookups.holder(UniqueKind.WORKSHOP_SLUG, "s")).isEmpty();
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new WorkshopArchived(W))
                .when(new AssignTagToWorkshop(W, LC))
                .expectException(RuleViolation.class);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new WorkshopArchived(W))
                .when(new RestoreWorkshop(W))
                .expectEvents(new WorkshopRestored(W));
        assertThat(lookups.holder(UniqueKind.WORKSHOP_SLUG, "s")).contains(W);
    }

    @Test
    void restoringFailsWhenTheSlugWasTakenMeanwhileOrTheWorkshopWasMerged() {
        lookups.claim(UniqueKind.WORKSHOP_SLUG, "s", UUID.randomUUID());
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new WorkshopArchived(W))
                .when(new RestoreWorkshop(W))
                .expectException(RuleViolation.class);
        fixture.given(scheduled(W, "s"), new TagAssignedToWorkshop(W, DC), new WorkshopMergedInto(W, SWC))
                .when(new RestoreWorkshop(W))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("This workshop was merged into " + SWC + "; it cannot be restored on its own.");
    }

    static java.util.List<String> codes(Runnable action) {
        try {
            action.run();
        } catch (InvalidInput e) {
            return e.errors().stream().map(InvalidInput.FieldError::code).toList();
        }
        throw new AssertionError("expected InvalidInput");
    }

    static PatchBuilder patch() {
        return new PatchBuilder();
    }

    /** Readable partial updates in tests. */
    static final class PatchBuilder {
        private Change<String> slug;
        private Change<LocalDate> end;
        private Change<String> country;
        private Change<String> venue;

        PatchBuilder slug(Change<String> c) {
            slug = c;
            return this;
        }

        PatchBuilder end(Change<LocalDate> c) {
            end = c;
            return this;
        }

        PatchBuilder country(Change<String> c) {
            country = c;
            return this;
        }

        PatchBuilder venue(Change<String> c) {
            venue = c;
            return this;
        }

        WorkshopPatch build() {
            return new WorkshopPatch(slug, null, null, null, end, null, null, null, null, null, null, null, country,
                    venue, null, null, null, null, null, null, null, null, null, null);
        }
    }
}
