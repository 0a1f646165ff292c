-- Awards (badges held), part of the persons read model.
CREATE TABLE person_award_view (
    person_id   UUID NOT NULL,
    badge_id    UUID NOT NULL,
    awarded     DATE NOT NULL,
    workshop_id UUID,
    awarded_by  UUID,
    PRIMARY KEY (person_id, badge_id)
);
CREATE INDEX person_award_view_badge_idx ON person_award_view (badge_id);
CREATE TABLE person_award_view_rebuild (LIKE person_award_view INCLUDING ALL);
