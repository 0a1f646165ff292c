-- Login accounts. A minimum for now: a later change turns account changes into events.
CREATE TABLE account (
    id            UUID         NOT NULL PRIMARY KEY,
    username      VARCHAR(150) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_username_idx ON account (lower(username));
