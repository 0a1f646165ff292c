-- One key per person for the personal data sealed inside events. Deleting a key erases that person's data from
-- history without rewriting it (crypto-shredding); person_key_erased keeps a new key from ever being made.
CREATE TABLE person_key (
    person_id  UUID        NOT NULL PRIMARY KEY,
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE person_key_erased (
    person_id UUID        NOT NULL PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
