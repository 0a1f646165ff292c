package org.carpentries.amy.command.token;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.InvalidInput;
import org.carpentries.amy.command.Metadata;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.token.events.TokenIssued;
import org.carpentries.amy.command.token.events.TokenRevoked;

/**
 * A machine client's bearer token: expires within a year of being issued (90 days unless told), and once revoked
 * stays revoked.
 */
@Aggregate(cache = "aggregateCache")
public class ApiToken {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    @AggregateIdentifier
    private UUID tokenId;
    private boolean revoked;

    protected ApiToken() {
    }

    @CommandHandler
    ApiToken(IssueToken cmd, ApiTokens tokens, Clock clock,
             @MetaDataValue(value = Metadata.ACTOR, required = false) String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = (cmd.expiresAt() == null ? now.plus(DEFAULT_LIFETIME) : cmd.expiresAt())
                .truncatedTo(ChronoUnit.MICROS);
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(latest)) {
            throw InvalidInput.of("expires_at", "expiry-invalid", "A token expires in the future and at most one "
                    + "year from now (by " + latest + ").");
        }
        if (!tokens.issue(new ApiTokens.Issued(cmd.tokenId(), cmd.name(), cmd.scopes(), cmd.secretHash(), expiresAt,
                now, actorId(actor).orElse(null)))) {
            throw new RuleViolation("token-exists", "A token with id " + cmd.tokenId() + " exists already.");
        }
        apply(new TokenIssued(cmd.tokenId(), cmd.name(), cmd.scopes(), expiresAt));
    }

    @CommandHandler
    void handle(RevokeToken cmd, ApiTokens tokens, Clock clock) {
        if (revoked) {
            return;
        }
        tokens.revoke(tokenId, clock.instant());
        apply(new TokenRevoked(tokenId));
    }

    /** The issuing account's id; AMY itself (the {@code system} actor) or a non-id actor records none. */
    private static Optional<UUID> actorId(String actor) {
        try {
            return actor == null ? Optional.empty() : Optional.of(UUID.fromString(actor));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @EventSourcingHandler
    void on(TokenIssued event) {
        tokenId = event.tokenId();
    }

    @EventSourcingHandler
    void on(TokenRevoked event) {
        revoked = true;
    }
}
