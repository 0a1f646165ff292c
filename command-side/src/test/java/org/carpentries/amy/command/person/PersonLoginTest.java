package org.carpentries.amy.command.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.Metadata;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.login.InMemoryLogins;
import org.carpentries.amy.command.lookup.InMemoryLookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.person.events.PersonArchived;
import org.carpentries.amy.command.person.events.PersonErased;
import org.carpentries.amy.command.person.events.PersonLoginDisabled;
import org.carpentries.amy.command.person.events.PersonLoginEnabled;
import org.carpentries.amy.command.person.events.PersonMergedInto;
import org.carpentries.amy.command.person.events.PersonPasswordResetIssued;
import org.carpentries.amy.command.person.events.PersonPasswordResetUsed;
import org.carpentries.amy.command.person.events.PersonPasswordSet;
import org.carpentries.amy.command.person.events.PersonRoleGranted;
import org.carpentries.amy.command.person.events.PersonRoleRevoked;
import org.carpentries.amy.command.person.events.LoginRole;
import org.carpentries.amy.command.personal.InMemoryVault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person's login: enabling, roles, passwords and reset links, and what archiving, merging and erasing do to it. */
class PersonLoginTest {

    static final UUID P = PersonTest.P;
    static final UUID OTHER_ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID RESET = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private AggregateTestFixture<Person> fixture;
    private InMemoryLookups lookups;
    private InMemoryLogins logins;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        lookups = new InMemoryLookups();
        logins = new InMemoryLogins();
        fixture.registerInjectableResource(lookups);
        fixture.registerInjectableResource(new InMemoryVault());
        fixture.registerInjectableResource(logins);
    }

    private static Object registered() {
        return PersonTest.registered("potter_harry", "harry@hogwarts.edu");
    }

    private static Map<String, ?> by(UUID actor) {
        return Map.of(Metadata.ACTOR, actor.toString());
    }

    @Test
    void enablingALoginMakesThePersonAnAssignableAccountAndTwiceChangesNothing() {
        fixture.given(registered())
                .when(new EnableLogin(P), by(OTHER_ADMIN))
                .expectEvents(new PersonLoginEnabled(P));
        assertThat(logins.find(P)).hasValueSatisfying(a -> assertThat(a.enabled()).isTrue());
        assertThat(lookups.reference(ReferenceKind.ACCOUNT, P)).hasValueSatisfying(r -> {
            assertThat(r.label()).isEqualTo("potter_harry");
            assertThat(r.retired()).isFalse();
        });
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new EnableLogin(P), by(OTHER_ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void archivedMergedAndErasedPeopleCannotGetALogin() {
        fixture.given(registered(), new PersonArchived(P))
                .when(new EnableLogin(P))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(registered(), new PersonMergedInto(P, OTHER_ADMIN))
                .when(new EnableLogin(P))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(registered(), new PersonErased(P))
                .when(new EnableLogin(P))
                .expectNoEvents().expectException(RuleViolation.class);
        assertThat(logins.find(P)).isEmpty();
    }

    @Test
    void disablingEndsSessionsAndRetiresTheAccountReference() {
        logins.enable(P);
        logins.sessions.add(P);
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new DisableLogin(P), by(OTHER_ADMIN))
                .expectEvents(new PersonLoginDisabled(P));
        assertThat(logins.find(P)).hasValueSatisfying(a -> assertThat(a.enabled()).isFalse());
        assertThat(logins.sessions).doesNotContain(P);
        assertThat(lookups.reference(ReferenceKind.ACCOUNT, P)).hasValueSatisfying(r ->
                assertThat(r.retired()).isTrue());
        fixture.given(registered())
                .when(new DisableLogin(P), by(OTHER_ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobodyDisablesTheirOwnLoginOrChangesTheirOwnRoles() {
        fixture.given(registered(), new PersonLoginEnabled(P), new PersonRoleGranted(P, LoginRole.ADMIN))
                .when(new DisableLogin(P), by(P))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("Nobody may disable their own login; ask another admin.");
        fixture.given(registered(), new PersonLoginEnabled(P), new PersonRoleGranted(P, LoginRole.ADMIN))
                .when(new RevokeRole(P, LoginRole.ADMIN), by(P))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new GrantRole(P, LoginRole.AUDITOR), by(P))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void theOwnAccessRuleHasAStableCode() {
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new GrantRole(P, LoginRole.STAFF), by(P))
                .expectException(code("own-access"));
    }

    /** A rule violation with {@code code}. */
    static org.hamcrest.Matcher<Object> code(String code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolation v && v.code().equals(code);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a rule violation with code " + code);
            }
        };
    }

    @Test
    void grantingAHeldRoleOrRevokingAnAbsentOneChangesNothing() {
        fixture.given(registered())
                .when(new GrantRole(P, LoginRole.AUDITOR), by(OTHER_ADMIN))
                .expectEvents(new PersonRoleGranted(P, LoginRole.AUDITOR));
        assertThat(logins.find(P)).hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(LoginRole.AUDITOR));
        fixture.given(registered(), new PersonRoleGranted(P, LoginRole.AUDITOR))
                .when(new GrantRole(P, LoginRole.AUDITOR), by(OTHER_ADMIN))
                .expectNoEvents();
        fixture.given(registered(), new PersonRoleGranted(P, LoginRole.AUDITOR))
                .when(new RevokeRole(P, LoginRole.ADMIN), by(OTHER_ADMIN))
                .expectNoEvents();
        logins.setRoles(P, Set.of(LoginRole.AUDITOR, LoginRole.STAFF));
        fixture.given(registered(), new PersonRoleGranted(P, LoginRole.AUDITOR), new PersonRoleGranted(P, LoginRole.STAFF))
                .when(new RevokeRole(P, LoginRole.AUDITOR), by(OTHER_ADMIN))
                .expectEvents(new PersonRoleRevoked(P, LoginRole.AUDITOR));
        assertThat(logins.find(P)).hasValueSatisfying(a -> assertThat(a.roles()).containsExactly(LoginRole.STAFF));
    }

    @Test
    void settingAPasswordKeepsTheHashOutOfTheEvent() {
        fixture.given(registered())
                .when(new SetPassword(P, "{bcrypt}$2a$04$hash"))
                .expectEvents(new PersonPasswordSet(P));
        assertThat(logins.find(P)).hasValueSatisfying(a -> assertThat(a.passwordHash()).isEqualTo(
                "{bcrypt}$2a$04$hash"));
    }

    @Test
    void archivingOrErasingAPersonWithALoginDisablesItInTheSameUnitOfWork() {
        logins.enable(P);
        logins.setPassword(P, "{bcrypt}x", NOW);
        logins.sessions.add(P);
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new ArchivePerson(P))
                .expectEvents(new PersonLoginDisabled(P), new PersonArchived(P));
        assertThat(logins.sessions).doesNotContain(P);
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new ErasePerson(P))
                .expectEvents(new PersonLoginDisabled(P), new PersonErased(P));
        assertThat(logins.find(P)).as("erasure deletes the credential").isEmpty();
    }

    @Test
    void aResetLinkNeedsAnEnabledLoginAndWorksOnceBeforeItExpires() {
        fixture.given(registered())
                .when(new IssuePasswordReset(P, RESET, "tokenhash", NOW.plusSeconds(3600)))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new IssuePasswordReset(P, RESET, "tokenhash", NOW.plusSeconds(3600)))
                .expectEvents(new PersonPasswordResetIssued(P, RESET, NOW.plusSeconds(3600)));
        logins.sessions.add(P);
        fixture.given(registered(), new PersonLoginEnabled(P),
                        new PersonPasswordResetIssued(P, RESET, NOW.plusSeconds(3600)))
                .when(new UsePasswordReset(P, RESET, "{bcrypt}new", NOW.plusSeconds(60)))
                .expectEvents(new PersonPasswordResetUsed(P, RESET), new PersonPasswordSet(P));
        assertThat(logins.sessions).as("a reset ends the person's sessions").doesNotContain(P);
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new UsePasswordReset(P, RESET, "{bcrypt}again", NOW.plusSeconds(120)))
                .expectNoEvents()
                .expectException(code("reset-invalid"));
        logins.issueReset(UUID.fromString("00000000-0000-0000-0000-0000000000e2"), P, "other", NOW);
        fixture.given(registered(), new PersonLoginEnabled(P))
                .when(new UsePasswordReset(P, UUID.fromString("00000000-0000-0000-0000-0000000000e2"),
                        "{bcrypt}late", NOW.plusSeconds(1)))
                .expectNoEvents().expectException(RuleViolation.class);
    }
}
