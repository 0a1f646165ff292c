-- Write-side lookups, written in the same transaction as the command that claims or releases a value.

CREATE TABLE lookup_unique_value (
    kind     VARCHAR(40)  NOT NULL,
    value    VARCHAR(300) NOT NULL,
    owner_id UUID         NOT NULL,
    CONSTRAINT lookup_unique_value_pkey PRIMARY KEY (kind, value)
);
CREATE INDEX lookup_unique_value_owner_idx ON lookup_unique_value (owner_id);

CREATE TABLE lookup_reference (
    kind    VARCHAR(40)  NOT NULL,
    id      UUID         NOT NULL,
    label   VARCHAR(300) NOT NULL,
    retired BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT lookup_reference_pkey PRIMARY KEY (kind, id)
);
