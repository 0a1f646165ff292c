-- As-of exports fold only the event types their projection listens to: this index lets them read those types
-- in store order without scanning the whole event table.
CREATE INDEX domain_event_entry_payload_type_idx ON domain_event_entry (payload_type, global_index);
