package org.carpentries.amy.command.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.Change;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.badge.events.BadgeCreated;
import org.carpentries.amy.command.badge.events.BadgeCriteriaChanged;
import org.carpentries.amy.command.badge.events.BadgeReinstated;
import org.carpentries.amy.command.badge.events.BadgeRetired;
import org.carpentries.amy.command.badge.events.BadgeTitleChanged;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadgeTest {

    private static final UUID SWC = UUID.fromString("00000000-0000-0000-0000-0000000005c1");
    private static final BadgeCreated CREATED = new BadgeCreated(SWC, "swc-instructor",
            "Software Carpentry Instructor", "Teaching at Software Carpentry workshops or online");
    private AggregateTestFixture<Badge> fixture;
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Badge.class);
        lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void creatingABadgeClaimsItsName() {
        fixture.givenNoPriorActivity()
                .when(new CreateBadge(SWC, " swc-instructor", "Software Carpentry Instructor ",
                        " Teaching at Software Carpentry workshops or online"))
                .expectEvents(CREATED);
        assertThat(lookups.holder(UniqueKind.BADGE_NAME, "swc-instructor")).contains(SWC);
        assertThat(lookups.reference(ReferenceKind.BADGE, SWC).orElseThrow().label()).isEqualTo("swc-instructor");
    }

    @Test
    void aTakenNameIsRejected() {
        lookups.claim(UniqueKind.BADGE_NAME, "swc-instructor", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new CreateBadge(SWC, "swc-instructor", "t", "c"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A badge named 'swc-instructor' already exists.");
    }

    @Test
    void namesAreSlugLikeAndNeverIds() {
        assertThat(codes("SWC-Instructor", "t", "c")).containsExactly("badge-name-invalid");
        assertThat(codes("swc instructor", "t", "c")).containsExactly("badge-name-invalid");
        assertThat(codes("swc/instructor", "t", "c")).containsExactly("badge-name-invalid");
        assertThat(codes("x".repeat(41), "t", "c")).containsExactly("too-long");
        assertThat(codes("123e4567-e89b-12d3-a456-426614174000", "t", "c")).containsExactly("badge-name-looks-like-id");
        assertThat(codes("lc-instructor2", "t", "c")).isEmpty();
    }

    @Test
    void titleAndCriteriaAreRequiredAndBounded() {
        assertThat(codes(null, null, " ")).containsExactly("required", "required", "required");
        assertThat(codes("b", "t".repeat(41), "c".repeat(101))).containsExactly("too-long", "too-long");
        assertThatThrownBy(() -> new EditBadge(SWC, 1L, Change.to(null), Change.to("")))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void editingRecordsOnlyWhatChanged() {
        fixture.given(CREATED)
                .when(new EditBadge(SWC, null, Change.to("SWC Instructor"), Change.to(CREATED.criteria())))
                .expectEvents(new BadgeTitleChanged(SWC, "SWC Instructor"));
        fixture.given(CREATED)
                .when(new EditBadge(SWC, null, null, Change.to("Teaching Software Carpentry")))
                .expectEvents(new BadgeCriteriaChanged(SWC, "Teaching Software Carpentry"));
        fixture.given(CREATED)
                .when(new EditBadge(SWC, null, Change.to(CREATED.title()), null))
                .expectNoEvents();
    }

    @Test
    void editingAtAnOlderVersionIsAConflict() {
        fixture.given(CREATED, new BadgeTitleChanged(SWC, "SWC Instructor"))
                .when(new EditBadge(SWC, 0L, Change.to("Instructor"), null))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void retiringAndReinstatingAreIdempotentAndUpdateTheLookup() {
        fixture.given(CREATED)
                .when(new RetireBadge(SWC))
                .expectEvents(new BadgeRetired(SWC));
        assertThat(lookups.reference(ReferenceKind.BADGE, SWC).orElseThrow().retired()).isTrue();
        fixture.given(CREATED, new BadgeRetired(SWC))
                .when(new RetireBadge(SWC))
                .expectNoEvents();
        fixture.given(CREATED, new BadgeRetired(SWC))
                .when(new ReinstateBadge(SWC))
                .expectEvents(new BadgeReinstated(SWC));
        assertThat(lookups.reference(ReferenceKind.BADGE, SWC).orElseThrow().retired()).isFalse();
        fixture.given(CREATED)
                .when(new ReinstateBadge(SWC))
                .expectNoEvents();
    }

    private static java.util.List<String> codes(String name, String title, String criteria) {
        try {
            new CreateBadge(SWC, name, title, criteria);
        } catch (InvalidInput e) {
            return e.errors().stream().map(InvalidInput.FieldError::code).toList();
        }
        return java.util.List.of();
    }
}
