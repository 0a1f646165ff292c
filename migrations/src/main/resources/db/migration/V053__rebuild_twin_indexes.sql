-- V012 and V050 indexed three live read-model tables but not their _rebuild twins. Since rebuilds swap the twin in
-- by renaming (rather than copying rows into the live table), the first rebuild of `workshops` or `persons` left the
-- live tables without these indexes. Each table, live and twin, gets the index it lacks, whichever of the two a
-- swap has made live; where the index's name is held by the other table's copy, that copy takes the twin's name.
CREATE FUNCTION pg_temp.amy_ensure_index(tbl text, cols text, idx text, displaced text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND tablename = tbl
               AND indexdef LIKE '% USING btree (' || cols || ')') THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = idx) THEN
        EXECUTE format('ALTER INDEX %I RENAME TO %I', idx, displaced);
    END IF;
    EXECUTE format('CREATE INDEX %I ON %I (%s)', idx, tbl, cols);
END $$;

SELECT pg_temp.amy_ensure_index('workshop_view', 'assigned_to', 'workshop_view_assigned_to_idx',
                                'workshop_view_rebuild_assigned_to_idx');
SELECT pg_temp.amy_ensure_index('workshop_view_rebuild', 'assigned_to', 'workshop_view_rebuild_assigned_to_idx',
                                'workshop_view_assigned_to_idx');
SELECT pg_temp.amy_ensure_index('workshop_task_view', 'role_id, workshop_id', 'workshop_task_view_role_idx',
                                'workshop_task_view_rebuild_role_idx');
SELECT pg_temp.amy_ensure_index('workshop_task_view_rebuild', 'role_id, workshop_id',
                                'workshop_task_view_rebuild_role_idx', 'workshop_task_view_role_idx');
SELECT pg_temp.amy_ensure_index('person_view', 'airport_id', 'person_view_airport_idx',
                                'person_view_rebuild_airport_idx');
SELECT pg_temp.amy_ensure_index('person_view_rebuild', 'airport_id', 'person_view_rebuild_airport_idx',
                                'person_view_airport_idx');
