-- Owned by module draw: a committee seat's center and expert city are stored sealed (AES-GCM through
-- the personal-data cipher, draw.internal.SealedColumns), which is longer than a center code.
-- Changing a column's type is spelled differently per database; the twins live in db/vendor/*.
-- V28 (draw.internal.SealDrawColumnsMigration, Java: it needs the key) seals the rows already there.
ALTER TABLE committee_seat MODIFY center_code VARCHAR(255) NOT NULL;
ALTER TABLE committee_seat MODIFY expert_city VARCHAR(255) NOT NULL;
