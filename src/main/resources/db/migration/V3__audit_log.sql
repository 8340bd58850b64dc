-- Owned by module audit: who did what, when. Append-only.
CREATE TABLE audit_entry (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at   DATETIME(6)   NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    action        VARCHAR(64)   NOT NULL,
    subject_type  VARCHAR(32)   NOT NULL,
    subject_id    VARCHAR(64)   NOT NULL,
    detail        VARCHAR(2000),
    CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);

CREATE INDEX ix_audit_entry_subject ON audit_entry (subject_type, subject_id);
