-- Owned by module tender: the supervisor's confirmation that the written explanation was received.
ALTER TABLE tender ADD COLUMN explanation_acknowledged_by VARCHAR(64);
ALTER TABLE tender ADD COLUMN explanation_acknowledged_at DATETIME(6);
