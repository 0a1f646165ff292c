-- Indexes for the reports and "find instructors": tasks by role (instructor and learner tasks), people by airport.
-- Live tables only: a rebuild copies rows into them, so their indexes stay (as in V012).
CREATE INDEX workshop_task_view_role_idx ON workshop_task_view (role_id, workshop_id);
CREATE INDEX person_view_airport_idx ON person_view (airport_id);
