-- The instant a restore brought its record back to, on the audit entries of the events it recorded (null for
-- every other event). Existing rows gain it with the next rebuild of the audit read model.
ALTER TABLE audit_entry ADD COLUMN restored_as_of TIMESTAMPTZ;
ALTER TABLE audit_entry_rebuild ADD COLUMN restored_as_of TIMESTAMPTZ;
