package org.carpentries.amy.command.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carpentries.amy.command.Checks;

/**
 * Issue a bearer token whose secret has the SHA-256 digest {@code secretHash}, granting {@code scopes} until
 * {@code expiresAt} (90 days from now when null). Rejects a missing name, one over 100 characters or with control
 * characters, no scope, and an unknown scope; the token decides whether the expiry is allowed.
 */
public record IssueToken(@TargetAggregateIdentifier UUID tokenId, String name, List<String> scopes,
                         Instant expiresAt, byte[] secretHash) {

    public IssueToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(secretHash, "secretHash");
        if (secretHash.length != 32) {
            throw new IllegalArgumentException("A secret's digest is 32 bytes of SHA-256");
        }
        secretHash = secretHash.clone();
        name = Checks.blankToNull(name);
        Checks checks = new Checks();
        checks.require(name != null, "name", "name-required", "A token needs a name saying who uses it.");
        checks.require(name == null || name.codePointCount(0, name.length()) <= 100, "name", "name-too-long",
                "Must be at most 100 characters.");
        checks.require(name == null || name.codePoints().noneMatch(Character::isISOControl), "name", "name-invalid",
                "A name has no control characters.");
        List<String> given = scopes == null ? List.of() : scopes;
        checks.require(!given.isEmpty(), "scopes", "scopes-required", "A token needs at least one scope of "
                + Scopes.KNOWN + ".");
        for (String scope : given) {
            checks.require(Scopes.KNOWN.contains(scope), "scopes", "scope-unknown", "Unknown scope '" + scope
                    + "'; the scopes are " + Scopes.KNOWN + ".");
        }
        checks.throwIfAny();
        List<String> normalised = new ArrayList<>();
        Scopes.KNOWN.stream().filter(given::contains).forEach(normalised::add);
        scopes = List.copyOf(normalised);
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }
}
