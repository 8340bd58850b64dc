-- Owned by module audit: the audit log's hash chain. Appends stay lock-free; a sealer on one node
-- gives committed entries their place in the chain afterwards (seal_no, prev_hash, entry_hash), so
-- seal order, not id order, is chain order. The head row is what the sealer locks and extends.
ALTER TABLE audit_entry ADD COLUMN seal_no BIGINT;
ALTER TABLE audit_entry ADD COLUMN prev_hash CHAR(64);
ALTER TABLE audit_entry ADD COLUMN entry_hash CHAR(64);
ALTER TABLE audit_entry ADD COLUMN sealed_at DATETIME(6);

-- Unique only where sealed: both databases let any number of NULLs into a unique index.
CREATE UNIQUE INDEX ux_audit_entry_seal_no ON audit_entry (seal_no);

CREATE TABLE audit_chain_head (
    id         INT        NOT NULL,
    seal_no    BIGINT     NOT NULL,
    head_hash  CHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_chain_head PRIMARY KEY (id)
);

INSERT INTO audit_chain_head (id, seal_no, head_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
