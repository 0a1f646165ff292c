package org.carpentries.amy.command.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lesson.events.LessonCreated;
import org.carpentries.amy.command.lesson.events.LessonReinstated;
import org.carpentries.amy.command.lesson.events.LessonRenamed;
import org.carpentries.amy.command.lesson.events.LessonRetired;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LessonTest {

    private static final UUID GIT = UUID.fromString("00000000-0000-0000-0000-000000000617");
    private AggregateTestFixture<Lesson> fixture;
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lesson.class);
        lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void creatingALessonClaimsItsNameSlashIncluded() {
        fixture.givenNoPriorActivity()
                .when(new CreateLesson(GIT, " swc/git "))
                .expectEvents(new LessonCreated(GIT, "swc/git"));
        assertThat(lookups.holder(UniqueKind.LESSON_NAME, "swc/git")).contains(GIT);
        assertThat(lookups.reference(ReferenceKind.LESSON, GIT).orElseThrow().label()).isEqualTo("swc/git");
    }

    @Test
    void aTakenNameIsRejected() {
        lookups.claim(UniqueKind.LESSON_NAME, "swc/git", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new CreateLesson(GIT, "swc/git"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A lesson named 'swc/git' already exists.");
    }

    @Test
    void namesAreRequiredShortFreeOfControlCharactersAndNotIds() {
        assertThatThrownBy(() -> new CreateLesson(GIT, " ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateLesson(GIT, "x".repeat(41))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateLesson(GIT, "swc/\ngit")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors().get(0).code()).isEqualTo("lesson-name-invalid"));
        assertThatThrownBy(() -> new CreateLesson(GIT, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("lesson-name-looks-like-id"));
        assertThat(new CreateLesson(GIT, "x".repeat(40)).name()).hasSize(40);
    }

    @Test
    void renamingMovesTheClaimAndTheSameNameChangesNothing() {
        lookups.claim(UniqueKind.LESSON_NAME, "swc/git-novice", GIT);
        fixture.given(new LessonCreated(GIT, "swc/git-novice"))
                .when(new RenameLesson(GIT, null, "swc/git"))
                .expectEvents(new LessonRenamed(GIT, "swc/git"));
        assertThat(lookups.holder(UniqueKind.LESSON_NAME, "swc/git-novice")).isEmpty();
        assertThat(lookups.holder(UniqueKind.LESSON_NAME, "swc/git")).contains(GIT);
        assertThat(lookups.reference(ReferenceKind.LESSON, GIT).orElseThrow().label()).isEqualTo("swc/git");
        fixture.given(new LessonCreated(GIT, "swc/git"))
                .when(new RenameLesson(GIT, null, "swc/git"))
                .expectNoEvents();
    }

    @Test
    void renamingToATakenNameIsRefused() {
        lookups.claim(UniqueKind.LESSON_NAME, "swc/hg", GIT);
        lookups.claim(UniqueKind.LESSON_NAME, "swc/git", UUID.randomUUID());
        fixture.given(new LessonCreated(GIT, "swc/hg"))
                .when(new RenameLesson(GIT, null, "swc/git"))
                .expectException(RuleViolation.class);
        assertThat(lookups.holder(UniqueKind.LESSON_NAME, "swc/hg")).contains(GIT);
    }

    @Test
    void renamingAtAnOlderVersionIsAConflict() {
        fixture.given(new LessonCreated(GIT, "swc/git"), new LessonRenamed(GIT, "swc/git-novice"))
                .when(new RenameLesson(GIT, 0L, "swc/git-2"))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void retiringAndReinstatingAreIdempotentAndUpdateTheLookup() {
        fixture.given(new LessonCreated(GIT, "swc/git"))
                .when(new RetireLesson(GIT))
                .expectEvents(new LessonRetired(GIT));
        assertThat(lookups.reference(ReferenceKind.LESSON, GIT).orElseThrow().retired()).isTrue();
        fixture.given(new LessonCreated(GIT, "swc/git"), new LessonRetired(GIT))
                .when(new RetireLesson(GIT))
                .expectNoEvents();
        fixture.given(new LessonCreated(GIT, "swc/git"), new LessonRetired(GIT))
                .when(new ReinstateLesson(GIT))
                .expectEvents(new LessonReinstated(GIT));
        assertThat(lookups.reference(ReferenceKind.LESSON, GIT).orElseThrow().retired()).isFalse();
        fixture.given(new LessonCreated(GIT, "swc/git"))
                .when(new ReinstateLesson(GIT))
                .expectNoEvents();
    }

    @Test
    void renamingARetiredLessonKeepsItRetiredInTheLookup() {
        lookups.claim(UniqueKind.LESSON_NAME, "swc/hg", GIT);
        fixture.given(new LessonCreated(GIT, "swc/hg"), new LessonRetired(GIT))
                .when(new RenameLesson(GIT, null, "swc/mercurial"))
                .expectEvents(new LessonRenamed(GIT, "swc/mercurial"));
        assertThat(lookups.reference(ReferenceKind.LESSON, GIT).orElseThrow().retired()).isTrue();
    }
}
