-- Projections now dead-letter failing events (Axon's JPA queue in dead_letter_entry, created by V001). After each
-- write the API asks whether any of the command's events were dead-lettered, by aggregate and sequence number:
-- this index keeps that question cheap however many letters wait.
CREATE INDEX dead_letter_entry_event_idx ON dead_letter_entry (aggregate_identifier, sequence_number);
