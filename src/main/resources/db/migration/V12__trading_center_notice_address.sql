-- Owned by module venue: the address experts are told to go to (评标区地址), named in their SMS.
-- Left empty by the migration: each center's operator enters its own; until then the SMS names the center only.
ALTER TABLE trading_center ADD COLUMN notice_address VARCHAR(200);
