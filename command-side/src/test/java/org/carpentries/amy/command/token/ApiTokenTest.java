package org.carpentries.amy.command.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.Metadata;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.token.events.TokenIssued;
import org.carpentries.amy.command.token.events.TokenRevoked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final UUID TOKEN = UUID.fromString("00000000-0000-0000-0000-00000000a710");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");
    private static final byte[] HASH = new byte[32];
    private AggregateTestFixture<ApiToken> fixture;
    private InMemoryApiTokens tokens;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiToken.class);
        tokens = new InMemoryApiTokens();
        fixture.registerInjectableResource(tokens);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        Arrays.fill(HASH, (byte) 7);
    }

    private static IssueToken issue(Instant expiresAt, String... scopes) {
        return new IssueToken(TOKEN, "websites build", List.of(scopes), expiresAt, HASH);
    }

    @Test
    void issuingRecordsTheDigestInTheTableAndOnlyNameScopesAndExpiryInTheEvent() {
        Instant expiry = NOW.plus(Duration.ofDays(30));
        fixture.givenNoPriorActivity()
                .when(issue(expiry, "exports:read"), Map.of(Metadata.ACTOR, ADMIN.toString()))
                .expectEvents(new TokenIssued(TOKEN, "websites build", List.of("exports:read"), expiry));
        ApiTokens.Issued row = tokens.issued(TOKEN).orElseThrow();
        assertThat(row.secretHash()).isEqualTo(HASH);
        assertThat(row.createdAt()).isEqualTo(NOW);
        assertThat(row.createdBy()).isEqualTo(ADMIN);
        assertThat(row.expiresAt()).isEqualTo(expiry);
        assertThat(TokenIssued.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("tokenId", "name", "scopes", "expiresAt");
    }

    @Test
    void withoutAnExpiryATokenLastsNinetyDays() {
        fixture.givenNoPriorActivity()
                .when(issue(null, "audit:read"))
                .expectEvents(new TokenIssued(TOKEN, "websites build", List.of("audit:read"),
                        NOW.plus(Duration.ofDays(90))));
        assertThat(tokens.issued(TOKEN).orElseThrow().createdBy()).isNull();
    }

    @Test
    void theExpiryIsInTheFutureAndAtMostAYearAhead() {
        for (Instant wrong : List.of(NOW, NOW.minusSeconds(1), Instant.parse("2027-12-04T17:00:01Z"))) {
            fixture.givenNoPriorActivity()
                    .when(issue(wrong, "exports:read"))
                    .expectException(InvalidInput.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith("expires_at: A token expires in the "
                            + "future"));
            assertThat(tokens.issued(TOKEN)).isEmpty();
        }
        fixture.givenNoPriorActivity()
                .when(issue(Instant.parse("2027-12-04T17:00:00Z"), "exports:read"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNameIsRequiredAndShort() {
        assertThatThrownBy(() -> new IssueToken(TOKEN, "  ", List.of("exports:read"), null, HASH))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::code).containsExactly("name-required"));
        assertThatThrownBy(() -> new IssueToken(TOKEN, "x".repeat(101), List.of("exports:read"), null, HASH))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::code).containsExactly("name-too-long"));
        assertThatThrownBy(() -> new IssueToken(TOKEN, "a\nb", List.of("exports:read"), null, HASH))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::code).containsExactly("name-invalid"));
        assertThat(new IssueToken(TOKEN, " " + "x".repeat(100) + " ", List.of("exports:read"), null, HASH).name())
                .hasSize(100);
    }

    @Test
    void atLeastOneKnownScopeIsRequiredAndScopesAreKeptInTheirOrderOnce() {
        assertThatThrownBy(() -> new IssueToken(TOKEN, "n", List.of(), null, HASH))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::code).containsExactly("scopes-required"));
        assertThatThrownBy(() -> new IssueToken(TOKEN, "n", null, null, HASH)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new IssueToken(TOKEN, "n", List.of("exports:read", "admin"), null, HASH))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::code).containsExactly("scope-unknown"));
        assertThat(new IssueToken(TOKEN, "n", List.of("audit:read", "exports:read", "audit:read"), null, HASH)
                .scopes()).containsExactly("exports:read", "audit:read");
    }

    @Test
    void revokingMarksTheTableOnceAndRevokingAgainChangesNothing() {
        TokenIssued issued = new TokenIssued(TOKEN, "n", List.of("exports:read"), NOW.plusSeconds(60));
        tokens.issue(new ApiTokens.Issued(TOKEN, "n", List.of("exports:read"), HASH, NOW.plusSeconds(60), NOW, null));
        fixture.given(issued)
                .when(new RevokeToken(TOKEN))
                .expectEvents(new TokenRevoked(TOKEN));
        assertThat(tokens.revokedAt(TOKEN)).contains(NOW);
        fixture.given(issued, new TokenRevoked(TOKEN))
                .when(new RevokeToken(TOKEN))
                .expectNoEvents();
    }

    @Test
    void aRevokedTokensIdCannotBeIssuedAgain() {
        tokens.issue(new ApiTokens.Issued(TOKEN, "n", List.of("exports:read"), HASH, NOW.plusSeconds(60), NOW, null));
        tokens.revoke(TOKEN, NOW);
        fixture.givenNoPriorActivity()
                .when(issue(null, "exports:read"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A token with id " + TOKEN + " exists already.");
        assertThat(tokens.revokedAt(TOKEN)).contains(NOW);
    }

    @Test
    void aDigestIsThirtyTwoBytes() {
        assertThatThrownBy(() -> new IssueToken(TOKEN, "n", List.of("exports:read"), null, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
