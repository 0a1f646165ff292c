-- The admin who looks after a workshop (AMY's assigned_to).
ALTER TABLE workshop_view ADD COLUMN assigned_to UUID;
ALTER TABLE workshop_view_rebuild ADD COLUMN assigned_to UUID;
CREATE INDEX workshop_view_assigned_to_idx ON workshop_view (assigned_to);
