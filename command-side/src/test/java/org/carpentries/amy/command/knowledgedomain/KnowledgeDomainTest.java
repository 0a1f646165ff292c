package org.carpentries.amy.command.knowledgedomain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainCreated;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainReinstated;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRenamed;
import org.carpentries.amy.command.knowledgedomain.events.KnowledgeDomainRetired;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnowledgeDomainTest {

    private static final UUID MATHS = UUID.fromString("00000000-0000-0000-0000-00000000ca7e");
    private static final String NAME = "Mathematics/statistics";
    private AggregateTestFixture<KnowledgeDomain> fixture;
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(KnowledgeDomain.class);
        lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void creatingADomainClaimsItsName() {
        fixture.givenNoPriorActivity()
                .when(new CreateKnowledgeDomain(MATHS, NAME + " "))
                .expectEvents(new KnowledgeDomainCreated(MATHS, NAME));
        assertThat(lookups.holder(UniqueKind.KNOWLEDGE_DOMAIN_NAME, NAME)).contains(MATHS);
        assertThat(lookups.reference(ReferenceKind.KNOWLEDGE_DOMAIN, MATHS).orElseThrow().label()).isEqualTo(NAME);
    }

    @Test
    void aTakenNameIsRejected() {
        lookups.claim(UniqueKind.KNOWLEDGE_DOMAIN_NAME, NAME, UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new CreateKnowledgeDomain(MATHS, NAME))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A knowledge domain named 'Mathematics/statistics' already exists.");
    }

    @Test
    void namesMayBeAHundredCharactersWithSlashesButNoControlCharacters() {
        assertThat(new CreateKnowledgeDomain(MATHS, "x".repeat(100)).name()).hasSize(100);
        assertThatThrownBy(() -> new CreateKnowledgeDomain(MATHS, "x".repeat(101))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateKnowledgeDomain(MATHS, "a\tb")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors().get(0).code()).isEqualTo("knowledge-domain-name-invalid"));
        assertThatThrownBy(() -> new CreateKnowledgeDomain(MATHS, null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateKnowledgeDomain(MATHS, UUID.randomUUID().toString()))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void renamingMovesTheClaimAndTheSameNameChangesNothing() {
        lookups.claim(UniqueKind.KNOWLEDGE_DOMAIN_NAME, "Maths", MATHS);
        fixture.given(new KnowledgeDomainCreated(MATHS, "Maths"))
                .when(new RenameKnowledgeDomain(MATHS, null, NAME))
                .expectEvents(new KnowledgeDomainRenamed(MATHS, NAME));
        assertThat(lookups.holder(UniqueKind.KNOWLEDGE_DOMAIN_NAME, "Maths")).isEmpty();
        assertThat(lookups.holder(UniqueKind.KNOWLEDGE_DOMAIN_NAME, NAME)).contains(MATHS);
        fixture.given(new KnowledgeDomainCreated(MATHS, NAME))
                .when(new RenameKnowledgeDomain(MATHS, null, NAME))
                .expectNoEvents();
    }

    @Test
    void renamingToATakenNameOrAtAnOlderVersionIsRefused() {
        lookups.claim(UniqueKind.KNOWLEDGE_DOMAIN_NAME, "Physics", UUID.randomUUID());
        fixture.given(new KnowledgeDomainCreated(MATHS, NAME))
                .when(new RenameKnowledgeDomain(MATHS, null, "Physics"))
                .expectException(RuleViolation.class);
        fixture.given(new KnowledgeDomainCreated(MATHS, NAME), new KnowledgeDomainRenamed(MATHS, "Maths"))
                .when(new RenameKnowledgeDomain(MATHS, 0L, "Statistics"))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void retiringAndReinstatingAreIdempotentAndUpdateTheLookup() {
        fixture.given(new KnowledgeDomainCreated(MATHS, NAME))
                .when(new RetireKnowledgeDomain(MATHS))
                .expectEvents(new KnowledgeDomainRetired(MATHS));
        assertThat(lookups.reference(ReferenceKind.KNOWLEDGE_DOMAIN, MATHS).orElseThrow().retired()).isTrue();
        fixture.given(new KnowledgeDomainCreated(MATHS, NAME), new KnowledgeDomainRetired(MATHS))
                .when(new RetireKnowledgeDomain(MATHS))
                .expectNoEvents();
        fixture.given(new KnowledgeDomainCreated(MATHS, NAME), new KnowledgeDomainRetired(MATHS))
                .when(new ReinstateKnowledgeDomain(MATHS))
                .expectEvents(new KnowledgeDomainReinstated(MATHS));
        assertThat(lookups.reference(ReferenceKind.KNOWLEDGE_DOMAIN, MATHS).orElseThrow().retired()).isFalse();
        fixture.given(new KnowledgeDomainCreated(MATHS, NAME))
                .when(new ReinstateKnowledgeDomain(MATHS))
                .expectNoEvents();
    }
}
