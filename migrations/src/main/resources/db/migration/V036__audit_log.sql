-- The audit log: one row per domain event of every record, keyed by the event's global position, with the fields
-- it changed (old and new, personal values still sealed: they are opened when read, so erasure shows). The record
-- table keeps each record's current fields, so the projection knows old values without reading the store.
-- Both have *_rebuild twins (see V010).

CREATE TABLE audit_entry (
    position       BIGINT       NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(255),
    actor_name     VARCHAR(255),
    record_type    VARCHAR(40)  NOT NULL,
    record_id      UUID         NOT NULL,
    record_label   TEXT,
    event_type     VARCHAR(100) NOT NULL,
    summary        TEXT         NOT NULL,
    changes        JSONB        NOT NULL,
    request_id     VARCHAR(255),
    correlation_id VARCHAR(255),
    causation_id   VARCHAR(255),
    reason         TEXT
);
-- Pages are keyset scans in (occurred_at, position) order, so a time window is one index range read in order
-- whatever else it holds; each filter's index continues with the same two columns.
CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at, position);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, occurred_at, position);
CREATE INDEX audit_entry_actor_name_idx ON audit_entry (actor_name, occurred_at, position);
CREATE INDEX audit_entry_record_idx ON audit_entry (record_id, occurred_at, position);
CREATE INDEX audit_entry_type_idx ON audit_entry (record_type, occurred_at, position);
CREATE INDEX audit_entry_event_type_idx ON audit_entry (event_type, occurred_at, position);
CREATE INDEX audit_entry_request_idx ON audit_entry (request_id);

CREATE TABLE audit_record (
    id          UUID        NOT NULL PRIMARY KEY,
    record_type VARCHAR(40) NOT NULL,
    position    BIGINT      NOT NULL,
    fields      JSONB       NOT NULL
);

CREATE TABLE audit_entry_rebuild (LIKE audit_entry INCLUDING ALL);
CREATE TABLE audit_record_rebuild (LIKE audit_record INCLUDING ALL);
