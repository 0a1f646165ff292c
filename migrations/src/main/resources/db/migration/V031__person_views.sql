-- The persons read model: profiles with their personal data unsealed (erasure blanks it), qualifications and
-- knowledge domains. Each table has a *_rebuild twin.

CREATE TABLE person_view (
    id          UUID         NOT NULL PRIMARY KEY,
    personal    VARCHAR(100) NOT NULL,
    middle      VARCHAR(100),
    family      VARCHAR(100) NOT NULL,
    username    VARCHAR(40)  NOT NULL,
    email       VARCHAR(100),
    gender      VARCHAR(1),
    airport_id  UUID,
    github      VARCHAR(40),
    twitter     VARCHAR(40),
    url         VARCHAR(100),
    orcid       VARCHAR(100),
    occupation  VARCHAR(100),
    affiliation VARCHAR(100),
    notes       TEXT,
    may_contact BOOLEAN      NOT NULL,
    archived    BOOLEAN      NOT NULL DEFAULT FALSE,
    erased      BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL,
    created_seq BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX person_view_names_idx ON person_view (lower(family), lower(personal));
CREATE INDEX person_view_username_idx ON person_view (username);
CREATE INDEX person_view_email_idx ON person_view (email);

CREATE TABLE person_lesson_view (
    person_id UUID NOT NULL,
    lesson_id UUID NOT NULL,
    PRIMARY KEY (person_id, lesson_id)
);

CREATE TABLE person_domain_view (
    person_id UUID NOT NULL,
    domain_id UUID NOT NULL,
    PRIMARY KEY (person_id, domain_id)
);

CREATE TABLE person_view_rebuild (LIKE person_view INCLUDING ALL);
CREATE TABLE person_lesson_view_rebuild (LIKE person_lesson_view INCLUDING ALL);
CREATE TABLE person_domain_view_rebuild (LIKE person_domain_view INCLUDING ALL);
