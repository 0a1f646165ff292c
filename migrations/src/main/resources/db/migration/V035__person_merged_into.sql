-- A person merged into another points at the survivor (PersonMergedInto), as workshop_view.merged_into does.
ALTER TABLE person_view ADD COLUMN merged_into UUID;
ALTER TABLE person_view_rebuild ADD COLUMN merged_into UUID;
