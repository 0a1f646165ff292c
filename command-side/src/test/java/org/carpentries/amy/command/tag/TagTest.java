package org.carpentries.amy.command.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.tag.events.TagCreated;
import org.carpentries.amy.command.tag.events.TagDetailsChanged;
import org.carpentries.amy.command.tag.events.TagReinstated;
import org.carpentries.amy.command.tag.events.TagRetired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagTest {

    private static final UUID DC = UUID.fromString("00000000-0000-0000-0000-0000000000dc");
    private AggregateTestFixture<Tag> fixture;
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tag.class);
        lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void creatingATagClaimsItsName() {
        fixture.givenNoPriorActivity()
                .when(new CreateTag(DC, "DC", "Data Carpentry"))
                .expectEvents(new TagCreated(DC, "DC", "Data Carpentry"));
        assertThat(lookups.holder(UniqueKind.TAG_NAME, "DC")).contains(DC);
        assertThat(lookups.reference(ReferenceKind.TAG, DC)).hasValueSatisfying(r -> assertThat(r.retired()).isFalse());
    }

    @Test
    void aTakenNameIsRejectedCaseSensitively() {
        lookups.claim(UniqueKind.TAG_NAME, "DC", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new CreateTag(DC, "DC", "Data Carpentry"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A tag named 'DC' already exists.");
        fixture.givenNoPriorActivity()
                .when(new CreateTag(DC, "dc", "lower case is another name"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void namesWithSlashesOrControlCharactersOrOverFortyCharactersAreRejected() {
        assertThatThrownBy(() -> new CreateTag(DC, "a/b", "")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateTag(DC, "a\u0007b", "")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateTag(DC, "x".repeat(41), "")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateTag(DC, "  ", "")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateTag(DC, UUID.randomUUID().toString(), "")).isInstanceOf(InvalidInput.class);
        assertThat(new CreateTag(DC, " SWC ", null).name()).isEqualTo("SWC");
    }

    @Test
    void editingDetailsRecordsOnlyARealChange() {
        fixture.given(new TagCreated(DC, "DC", "Data Carpentry"))
                .when(new EditTagDetails(DC, null, "Data Carpentry workshops"))
                .expectEvents(new TagDetailsChanged(DC, "Data Carpentry workshops"));
        fixture.given(new TagCreated(DC, "DC", "Data Carpentry"))
                .when(new EditTagDetails(DC, null, "Data Carpentry"))
                .expectNoEvents();
    }

    @Test
    void retiringAndReinstatingAreIdempotentAndUpdateTheLookup() {
        lookups.putReference(ReferenceKind.TAG, DC, "DC", false);
        fixture.given(new TagCreated(DC, "DC", "Data Carpentry"))
                .when(new RetireTag(DC))
                .expectEvents(new TagRetired(DC));
        assertThat(lookups.reference(ReferenceKind.TAG, DC).orElseThrow().retired()).isTrue();
        fixture.given(new TagCreated(DC, "DC", "Data Carpentry"), new TagRetired(DC))
                .when(new RetireTag(DC))
                .expectNoEvents();
        fixture.given(new TagCreated(DC, "DC", "Data Carpentry"), new TagRetired(DC))
                .when(new ReinstateTag(DC))
                .expectEvents(new TagReinstated(DC));
        assertThat(lookups.reference(ReferenceKind.TAG, DC).orElseThrow().retired()).isFalse();
        fixture.given(new TagCreated(DC, "DC", "Data Carpentry"))
                .when(new ReinstateTag(DC))
                .expectNoEvents();
    }
}
