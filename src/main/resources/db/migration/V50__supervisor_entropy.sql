-- Owned by module draw: a supervisor's entropy contribution (issue 18, item 2 (b); seed derivation v2 §2.3).
-- The supervisor commits SHA-256(value LF salt) in the browser before the draw; the draw's notice binds the
-- commitment, and the value is revealed only after the draw has read its eligible list. One row per
-- commitment: COMMITTED (waiting for its draw), NOTICED (a notice planned it), AWAITING_REVEAL (the list has
-- been read), REVEALED (value and salt known; never planned again).
CREATE TABLE supervisor_entropy (
    id              VARCHAR(36)   NOT NULL,
    subject_id      VARCHAR(64)   NOT NULL,
    draw_kind       VARCHAR(16)   NOT NULL,
    commitment      CHAR(64)      NOT NULL,
    committed_by    VARCHAR(128)  NOT NULL,
    committed_at    DATETIME(6)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    notice_id       VARCHAR(36),
    awaiting_since  DATETIME(6),
    revealed_value  VARCHAR(64),
    salt            VARCHAR(64),
    revealed_at     DATETIME(6),
    CONSTRAINT pk_supervisor_entropy PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uk_supervisor_entropy_commitment ON supervisor_entropy (commitment);
CREATE INDEX ix_supervisor_entropy_subject ON supervisor_entropy (subject_id, draw_kind, state);
