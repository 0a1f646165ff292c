-- Tasks: a person's role at a workshop, part of the workshops read model.
CREATE TABLE workshop_task_view (
    workshop_id UUID NOT NULL,
    person_id   UUID NOT NULL,
    role_id     UUID NOT NULL,
    PRIMARY KEY (workshop_id, person_id, role_id)
);
CREATE INDEX workshop_task_view_person_idx ON workshop_task_view (person_id);
CREATE TABLE workshop_task_view_rebuild (LIKE workshop_task_view INCLUDING ALL);
