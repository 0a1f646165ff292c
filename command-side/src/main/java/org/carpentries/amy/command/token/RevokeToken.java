package org.carpentries.amy.command.token;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a bearer token from authenticating, effective when the command commits. Revoking it again changes nothing. */
public record RevokeToken(@TargetAggregateIdentifier UUID tokenId) {

    public RevokeToken {
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
