-- Owned by the application (Spring Modulith's event publication registry). On H2 this version turns
-- EVENT_PUBLICATION.ID into a UUID column; on MySQL and MariaDB V4 already made it what Modulith reads
-- (VARCHAR(36), read as text there), so nothing changes here. The version exists on every database so that the history stays
-- contiguous wherever it runs.
SELECT 1;
