-- Owned by module draw: seed derivation v2 (src/docs/algorithms/seed-derivation-v2.md). A random draw now
-- names the notice (a draw_record of kind NOTICE, appended and committed before the eligible list is read)
-- whose server seed it used, the entropy collected after the snapshot (a canonical text: beacon round and
-- signature, and the like) and when its eligible list was read. Records of seed derivation v1 leave them NULL.
ALTER TABLE draw_record ADD COLUMN notice_id VARCHAR(36);
ALTER TABLE draw_record ADD COLUMN notice_hash VARCHAR(64);
ALTER TABLE draw_record ADD COLUMN entropy MEDIUMTEXT;
ALTER TABLE draw_record ADD COLUMN snapshot_at DATETIME(6);
-- One draw per notice: a second record naming the same notice is refused by the database too.
CREATE UNIQUE INDEX uk_draw_record_notice ON draw_record (notice_id);
