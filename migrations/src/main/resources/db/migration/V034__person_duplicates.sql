-- Pairs of people an admin found to be different people (the smaller id first), part of the persons read model.
CREATE TABLE person_not_duplicate_view (
    person_id       UUID NOT NULL,
    other_person_id UUID NOT NULL,
    PRIMARY KEY (person_id, other_person_id)
);
CREATE TABLE person_not_duplicate_view_rebuild (LIKE person_not_duplicate_view INCLUDING ALL);
