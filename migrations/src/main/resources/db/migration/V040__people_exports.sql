-- AMY's /api/v1/export/badges, /instructors and /members as one read model (processing group people-exports):
-- what the three exports show or select on, each table with its *_rebuild twin. Personal values (email, airport)
-- are held in plain text for serving and blanked on erasure; the *_seq columns and has_airport say only when a
-- value was set and whether there is one, so deciding whether an export changed never needs a sealed value.
-- people_export_state holds, per export, the position and time of the last change that altered it.

CREATE TABLE people_export_person (
    id          UUID         NOT NULL PRIMARY KEY,
    personal    VARCHAR(100) NOT NULL,
    middle      VARCHAR(100),
    family      VARCHAR(100) NOT NULL,
    username    VARCHAR(40)  NOT NULL,
    email       VARCHAR(100),
    email_seq   BIGINT       NOT NULL,
    airport_id  UUID,
    has_airport BOOLEAN      NOT NULL,
    airport_seq BIGINT       NOT NULL,
    may_contact BOOLEAN      NOT NULL,
    archived    BOOLEAN      NOT NULL DEFAULT FALSE,
    erased      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_seq BIGINT       NOT NULL
);
CREATE INDEX people_export_person_airport_idx ON people_export_person (airport_id);

CREATE TABLE people_export_badge (
    id          UUID        NOT NULL PRIMARY KEY,
    name        VARCHAR(40) NOT NULL,
    retired     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_seq BIGINT      NOT NULL
);

CREATE TABLE people_export_award (
    person_id   UUID   NOT NULL,
    badge_id    UUID   NOT NULL,
    awarded     DATE   NOT NULL,
    awarded_seq BIGINT NOT NULL,
    PRIMARY KEY (person_id, badge_id)
);
CREATE INDEX people_export_award_badge_idx ON people_export_award (badge_id, awarded_seq);

CREATE TABLE people_export_airport (
    id          UUID             NOT NULL PRIMARY KEY,
    fullname    VARCHAR(100)     NOT NULL,
    country     VARCHAR(2)       NOT NULL,
    latitude    DOUBLE PRECISION NOT NULL,
    longitude   DOUBLE PRECISION NOT NULL,
    created_seq BIGINT           NOT NULL
);

CREATE TABLE people_export_role (
    id   UUID        NOT NULL PRIMARY KEY,
    name VARCHAR(40) NOT NULL
);

CREATE TABLE people_export_workshop (
    id         UUID    NOT NULL PRIMARY KEY,
    start_date DATE,
    archived   BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE people_export_task (
    person_id   UUID NOT NULL,
    workshop_id UUID NOT NULL,
    role_id     UUID NOT NULL,
    PRIMARY KEY (person_id, workshop_id, role_id)
);
CREATE INDEX people_export_task_workshop_idx ON people_export_task (workshop_id);
CREATE INDEX people_export_task_role_idx ON people_export_task (role_id);

CREATE TABLE people_export_state (
    export     VARCHAR(20) NOT NULL PRIMARY KEY,
    position   BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE people_export_person_rebuild (LIKE people_export_person INCLUDING ALL);
CREATE TABLE people_export_badge_rebuild (LIKE people_export_badge INCLUDING ALL);
CREATE TABLE people_export_award_rebuild (LIKE people_export_award INCLUDING ALL);
CREATE TABLE people_export_airport_rebuild (LIKE people_export_airport INCLUDING ALL);
CREATE TABLE people_export_role_rebuild (LIKE people_export_role INCLUDING ALL);
CREATE TABLE people_export_workshop_rebuild (LIKE people_export_workshop INCLUDING ALL);
CREATE TABLE people_export_task_rebuild (LIKE people_export_task INCLUDING ALL);
CREATE TABLE people_export_state_rebuild (LIKE people_export_state INCLUDING ALL);
