-- Owned by module handover: a hand-over leg and a clue may name a partner province's session, whose opaque
-- reference the message set allows up to 64 characters (this province's own session codes are shorter).
-- Changing a column's type is spelled differently per database; the twins live in db/vendor/*.
ALTER TABLE av_handover MODIFY leg_ref VARCHAR(64) NOT NULL;
ALTER TABLE wrongdoing_clue MODIFY session_code VARCHAR(64) NOT NULL;
