-- Owned by module draw: every expert draw asks which experts hold a seat in its slot; rows are never
-- deleted, so without this index the lookup scanned every seat ever held (found by the benchmark).
CREATE INDEX ix_committee_seat_busy ON committee_seat (busy_slot);
