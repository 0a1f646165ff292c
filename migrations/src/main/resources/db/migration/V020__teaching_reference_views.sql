-- Read models for airports, lessons, roles, knowledge domains and badges, each with its *_rebuild twin (see V010).
-- Names that can be renamed get plain indexes: the write side's lookups keep them unique, and a view must never
-- refuse an event the store already holds.

CREATE TABLE airport_view (
    id         UUID             NOT NULL PRIMARY KEY,
    iata       VARCHAR(10)      NOT NULL,
    fullname   VARCHAR(100)     NOT NULL,
    country    VARCHAR(2)       NOT NULL,
    latitude   DOUBLE PRECISION NOT NULL,
    longitude  DOUBLE PRECISION NOT NULL,
    retired    BOOLEAN          NOT NULL DEFAULT FALSE,
    version    BIGINT           NOT NULL,
    created_at TIMESTAMPTZ      NOT NULL,
    updated_at TIMESTAMPTZ      NOT NULL
);
CREATE INDEX airport_view_iata_idx ON airport_view (iata);

CREATE TABLE lesson_view (
    id         UUID        NOT NULL PRIMARY KEY,
    name       VARCHAR(40) NOT NULL,
    retired    BOOLEAN     NOT NULL DEFAULT FALSE,
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX lesson_view_name_idx ON lesson_view (name);

CREATE TABLE role_view (
    id         UUID        NOT NULL PRIMARY KEY,
    name       VARCHAR(40) NOT NULL,
    retired    BOOLEAN     NOT NULL DEFAULT FALSE,
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX role_view_name_idx ON role_view (name);

CREATE TABLE knowledge_domain_view (
    id         UUID         NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    retired    BOOLEAN      NOT NULL DEFAULT FALSE,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX knowledge_domain_view_name_idx ON knowledge_domain_view (name);

-- A badge's name never changes, so its index can be unique.
CREATE TABLE badge_view (
    id         UUID         NOT NULL PRIMARY KEY,
    name       VARCHAR(40)  NOT NULL,
    title      VARCHAR(40)  NOT NULL,
    criteria   VARCHAR(100) NOT NULL,
    retired    BOOLEAN      NOT NULL DEFAULT FALSE,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX badge_view_name_idx ON badge_view (name);

CREATE TABLE airport_view_rebuild (LIKE airport_view INCLUDING ALL);
CREATE TABLE lesson_view_rebuild (LIKE lesson_view INCLUDING ALL);
CREATE TABLE role_view_rebuild (LIKE role_view INCLUDING ALL);
CREATE TABLE knowledge_domain_view_rebuild (LIKE knowledge_domain_view INCLUDING ALL);
CREATE TABLE badge_view_rebuild (LIKE badge_view INCLUDING ALL);
