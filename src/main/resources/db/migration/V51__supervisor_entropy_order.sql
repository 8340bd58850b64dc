-- Owned by module draw: the order of a subject's supervisor commitments. On MySQL times are kept to the second
-- (sendFractionalSeconds=false), so a tender's venue and expert commitments made in the same second need a number
-- to tell which came last.
ALTER TABLE supervisor_entropy ADD COLUMN subject_seq INT NOT NULL DEFAULT 0;
