-- Machine clients' bearer tokens: security state written in the transaction of the command that issues or revokes a
-- token (as the lookups are), and read by authentication on every bearer request, so revocation is immediate. The
-- secret itself is never stored: only its SHA-256 digest.
CREATE TABLE api_token (
    id           UUID         NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    scopes       TEXT[]       NOT NULL,
    secret_hash  BYTEA        NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    revoked_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   UUID,
    last_used_at TIMESTAMPTZ,
    CONSTRAINT api_token_secret_hash_key UNIQUE (secret_hash),
    CONSTRAINT api_token_secret_hash_size CHECK (octet_length(secret_hash) = 32)
);
CREATE INDEX api_token_created_idx ON api_token (created_at DESC);
