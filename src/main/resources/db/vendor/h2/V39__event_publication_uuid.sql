-- Spring Modulith's registry reads EVENT_PUBLICATION.ID as a UUID on H2 (and as text on MySQL/MariaDB,
-- where V4's VARCHAR(36) stays): with VARCHAR here, an incomplete publication could not be read back,
-- and the application failed to start when republishing it after a restart. H2 only.
ALTER TABLE EVENT_PUBLICATION ALTER COLUMN ID SET DATA TYPE UUID;
