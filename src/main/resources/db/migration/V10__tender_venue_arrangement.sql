-- Owned by module tender: how the tender's venues were fixed (never which ones: the venue and
-- draw modules keep that), the supervisor's decision on negotiation, and withdrawal.
ALTER TABLE tender ADD COLUMN venue_arrangement_method VARCHAR(24);
ALTER TABLE tender ADD COLUMN venue_arrangement_record_id VARCHAR(36);
ALTER TABLE tender ADD COLUMN venue_arrangement_arranged_by VARCHAR(64);
ALTER TABLE tender ADD COLUMN venue_arrangement_arranged_at DATETIME(6);
ALTER TABLE tender ADD COLUMN venue_draw_id VARCHAR(36);
ALTER TABLE tender ADD COLUMN negotiation_approved BOOLEAN;
ALTER TABLE tender ADD COLUMN negotiation_decided_by VARCHAR(64);
ALTER TABLE tender ADD COLUMN negotiation_decided_at DATETIME(6);
ALTER TABLE tender ADD COLUMN withdrawal_reason VARCHAR(500);
ALTER TABLE tender ADD COLUMN withdrawal_withdrawn_by VARCHAR(64);
ALTER TABLE tender ADD COLUMN withdrawal_withdrawn_at DATETIME(6);
