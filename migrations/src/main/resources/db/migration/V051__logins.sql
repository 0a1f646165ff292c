-- Logins are people (issue 6): a person's login state, written in the transaction of the command that changes it,
-- so a disabled login or a revoked role holds from the moment the command commits. Events record the changes but
-- never a secret: password and reset-token hashes live only here.

CREATE TABLE login_account (
    person_id       UUID         NOT NULL PRIMARY KEY,
    enabled         BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Comma-separated lower-case role codes (admin, auditor, staff).
    roles           VARCHAR(200) NOT NULL DEFAULT '',
    password_hash   VARCHAR(200),
    password_set_at TIMESTAMPTZ,
    last_login_at   TIMESTAMPTZ
);

-- One-time links an admin hands to a person: only the SHA-256 of the token is kept.
CREATE TABLE password_reset (
    id         UUID        NOT NULL PRIMARY KEY,
    person_id  UUID        NOT NULL REFERENCES login_account (person_id) ON DELETE CASCADE,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_reset_person_idx ON password_reset (person_id);

-- Spring Session JDBC's tables, as its schema-postgresql.sql has them. PRINCIPAL_NAME holds the person id (see
-- api.security.SessionConfiguration), so ending a person's sessions survives a change of username.
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
        ON DELETE CASCADE
);

-- The old accounts held development data only; their ACCOUNT lookup references stay, so workshops assigned to them
-- still load.
DROP TABLE account;
