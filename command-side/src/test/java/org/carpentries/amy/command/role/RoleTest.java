package org.carpentries.amy.command.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.role.events.RoleCreated;
import org.carpentries.amy.command.role.events.RoleReinstated;
import org.carpentries.amy.command.role.events.RoleRenamed;
import org.carpentries.amy.command.role.events.RoleRetired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoleTest {

    private static final UUID ROLE = UUID.fromString("00000000-0000-0000-0000-0000000001e0");
    private AggregateTestFixture<Role> fixture;
    private InMemoryLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Role.class);
        lookups = new InMemoryLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void creatingARoleClaimsItsName() {
        fixture.givenNoPriorActivity()
                .when(new CreateRole(ROLE, " tutor "))
                .expectEvents(new RoleCreated(ROLE, "tutor"));
        assertThat(lookups.holder(UniqueKind.ROLE_NAME, "tutor")).contains(ROLE);
        assertThat(lookups.reference(ReferenceKind.ROLE, ROLE).orElseThrow().label()).isEqualTo("tutor");
    }

    @Test
    void aTakenNameIsRejected() {
        lookups.claim(UniqueKind.ROLE_NAME, "helper", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new CreateRole(ROLE, "helper"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A role named 'helper' already exists.");
    }

    @Test
    void namesKeepSlashesAndControlCharactersOutAndAreNotIds() {
        assertThatThrownBy(() -> new CreateRole(ROLE, "co/host")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors().get(0).code()).isEqualTo("role-name-invalid"));
        assertThatThrownBy(() -> new CreateRole(ROLE, "x".repeat(41))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new CreateRole(ROLE, "")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new RenameRole(ROLE, 1L, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("role-name-looks-like-id"));
    }

    @Test
    void anUnprotectedRoleIsRenamedAndItsClaimMoves() {
        lookups.claim(UniqueKind.ROLE_NAME, "tutor", ROLE);
        fixture.given(new RoleCreated(ROLE, "tutor"))
                .when(new RenameRole(ROLE, null, "mentor"))
                .expectEvents(new RoleRenamed(ROLE, "mentor"));
        assertThat(lookups.holder(UniqueKind.ROLE_NAME, "tutor")).isEmpty();
        assertThat(lookups.holder(UniqueKind.ROLE_NAME, "mentor")).contains(ROLE);
        fixture.given(new RoleCreated(ROLE, "mentor"))
                .when(new RenameRole(ROLE, null, "mentor"))
                .expectNoEvents();
    }

    @Test
    void theRolesAmysRulesNameCannotBeRenamedOrRetired() {
        for (String name : List.of("instructor", "learner", "helper", "host", "organizer")) {
            fixture.given(new RoleCreated(ROLE, name))
                    .when(new RenameRole(ROLE, null, name + "s"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The role '" + name + "' is one AMY's rules depend on; it cannot be "
                            + "renamed or retired.");
            fixture.given(new RoleCreated(ROLE, name))
                    .when(new RetireRole(ROLE))
                    .expectException(RuleViolation.class);
        }
        assertThatThrownBy(() -> RoleRules.refuseIfProtected("host"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("role-protected"));
        fixture.given(new RoleCreated(ROLE, "instructor"))
                .when(new RenameRole(ROLE, null, "instructor"))
                .expectNoEvents();
    }

    @Test
    void renamingAtAnOlderVersionIsAConflict() {
        fixture.given(new RoleCreated(ROLE, "tutor"), new RoleRenamed(ROLE, "mentor"))
                .when(new RenameRole(ROLE, 0L, "coach"))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void retiringAndReinstatingAreIdempotentAndUpdateTheLookup() {
        fixture.given(new RoleCreated(ROLE, "tutor"))
                .when(new RetireRole(ROLE))
                .expectEvents(new RoleRetired(ROLE));
        assertThat(lookups.reference(ReferenceKind.ROLE, ROLE).orElseThrow().retired()).isTrue();
        fixture.given(new RoleCreated(ROLE, "tutor"), new RoleRetired(ROLE))
                .when(new RetireRole(ROLE))
                .expectNoEvents();
        fixture.given(new RoleCreated(ROLE, "tutor"), new RoleRetired(ROLE))
                .when(new ReinstateRole(ROLE))
                .expectEvents(new RoleReinstated(ROLE));
        assertThat(lookups.reference(ReferenceKind.ROLE, ROLE).orElseThrow().retired()).isFalse();
        fixture.given(new RoleCreated(ROLE, "tutor"))
                .when(new ReinstateRole(ROLE))
                .expectNoEvents();
    }
}
