-- Read models for tags, organisations and workshops. Each table has a *_rebuild twin of the same shape: a rebuild
-- replays the store into the twins while the live tables keep serving, then copies them over in one transaction.
-- Alter both when a view changes.

CREATE TABLE tag_view (
    id          UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(40)  NOT NULL,
    details     VARCHAR(100) NOT NULL,
    retired     BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL,
    created_seq BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX tag_view_name_idx ON tag_view (name);

CREATE TABLE organisation_view (
    id         UUID         NOT NULL PRIMARY KEY,
    domain     VARCHAR(100) NOT NULL,
    fullname   VARCHAR(100) NOT NULL,
    country    VARCHAR(2),
    notes      TEXT         NOT NULL,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX organisation_view_domain_idx ON organisation_view (domain);

CREATE TABLE workshop_view (
    id                UUID          NOT NULL PRIMARY KEY,
    slug              VARCHAR(100),
    host_id           UUID          NOT NULL,
    administrator_id  UUID,
    start_date        DATE,
    end_date          DATE,
    url               VARCHAR(100),
    registration_key  VARCHAR(20),
    attendance        INTEGER,
    admin_fee         NUMERIC(6, 2),
    invoice_status    VARCHAR(40)   NOT NULL,
    notes             TEXT          NOT NULL,
    contact           VARCHAR(255)  NOT NULL,
    country           VARCHAR(2),
    venue             VARCHAR(255)  NOT NULL,
    address           VARCHAR(255)  NOT NULL,
    latitude          DOUBLE PRECISION,
    longitude         DOUBLE PRECISION,
    learners_pre      VARCHAR(200)  NOT NULL,
    learners_post     VARCHAR(200)  NOT NULL,
    instructors_pre   VARCHAR(200)  NOT NULL,
    instructors_post  VARCHAR(200)  NOT NULL,
    learners_longterm VARCHAR(200)  NOT NULL,
    completed         BOOLEAN       NOT NULL DEFAULT FALSE,
    archived          BOOLEAN       NOT NULL DEFAULT FALSE,
    merged_into       UUID,
    version           BIGINT        NOT NULL,
    created_seq       BIGINT        NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX workshop_view_slug_idx ON workshop_view (slug);
CREATE INDEX workshop_view_start_idx ON workshop_view (start_date DESC, created_seq);
CREATE INDEX workshop_view_host_idx ON workshop_view (host_id);
CREATE INDEX workshop_view_administrator_idx ON workshop_view (administrator_id);

CREATE TABLE workshop_tag_view (
    workshop_id UUID NOT NULL,
    tag_id      UUID NOT NULL,
    PRIMARY KEY (workshop_id, tag_id)
);
CREATE INDEX workshop_tag_view_tag_idx ON workshop_tag_view (tag_id);

CREATE TABLE tag_view_rebuild (LIKE tag_view INCLUDING ALL);
CREATE TABLE organisation_view_rebuild (LIKE organisation_view INCLUDING ALL);
CREATE TABLE workshop_view_rebuild (LIKE workshop_view INCLUDING ALL);
CREATE TABLE workshop_tag_view_rebuild (LIKE workshop_tag_view INCLUDING ALL);
