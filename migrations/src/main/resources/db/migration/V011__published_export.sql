-- AMY's /api/v1/events/published as a read model: every workshop's exported fields with its tag ids, and, for the
-- ones AMY would publish, the JSON and YAML each contributes to the document. published_state holds the position
-- of the last change that touched the export: the ETag and Last-Modified of every response.

CREATE TABLE published_workshop (
    id               UUID             NOT NULL PRIMARY KEY,
    archived         BOOLEAN          NOT NULL DEFAULT FALSE,
    slug             VARCHAR(100),
    host_id          UUID             NOT NULL,
    administrator_id UUID,
    start_date       DATE,
    end_date         DATE,
    url              VARCHAR(100),
    registration_key VARCHAR(20),
    contact          VARCHAR(255)     NOT NULL,
    country          VARCHAR(2),
    venue            VARCHAR(255)     NOT NULL,
    address          VARCHAR(255)     NOT NULL,
    latitude         DOUBLE PRECISION,
    longitude        DOUBLE PRECISION,
    tag_ids          UUID[]           NOT NULL DEFAULT '{}',
    created_seq      BIGINT           NOT NULL,
    published        BOOLEAN          NOT NULL DEFAULT FALSE,
    json_item        TEXT,
    yaml_item        TEXT
);
CREATE INDEX published_workshop_order_idx ON published_workshop (start_date DESC, created_seq) WHERE published;
CREATE INDEX published_workshop_tags_idx ON published_workshop USING gin (tag_ids);

CREATE TABLE published_tag (
    id          UUID        NOT NULL PRIMARY KEY,
    name        VARCHAR(40) NOT NULL,
    created_seq BIGINT      NOT NULL
);
CREATE UNIQUE INDEX published_tag_name_idx ON published_tag (name);

CREATE TABLE published_state (
    id         INTEGER     NOT NULL PRIMARY KEY,
    position   BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE published_workshop_rebuild (LIKE published_workshop INCLUDING ALL);
CREATE TABLE published_tag_rebuild (LIKE published_tag INCLUDING ALL);
CREATE TABLE published_state_rebuild (LIKE published_state INCLUDING ALL);
