-- Who recorded a cross-province tender's national expert draw, and when (the reference is in V15).
ALTER TABLE tender ADD COLUMN national_expert_draw_recorded_by VARCHAR(64);
ALTER TABLE tender ADD COLUMN national_expert_draw_recorded_at DATETIME(6);
