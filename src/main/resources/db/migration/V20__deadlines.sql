-- Owned by module deadline: one row per watched duty. due_date, due_at and remind_at are null while
-- the term reaches a year whose schedule is not loaded (state AWAITING_CALENDAR, missing_year set).
-- subject_ref is an opaque reference (a hand-over or clue id), never a center or a person.
CREATE TABLE deadline (
    id            VARCHAR(36)   NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    tender_id     VARCHAR(36)   NOT NULL,
    subject_ref   VARCHAR(64)   NOT NULL,
    start_day     DATE          NOT NULL,
    due_date      DATE,
    due_at        DATETIME(6),
    remind_at     DATETIME(6),
    state         VARCHAR(20)   NOT NULL,
    missing_year  INT,
    created_at    DATETIME(6)   NOT NULL,
    reminded_at   DATETIME(6),
    breached_at   DATETIME(6),
    completed_at  DATETIME(6),
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_deadline PRIMARY KEY (id),
    CONSTRAINT ck_deadline_state CHECK (state IN ('SCHEDULED', 'AWAITING_CALENDAR', 'REMINDED', 'BREACHED',
        'COMPLETED', 'CANCELLED'))
);

CREATE INDEX ix_deadline_state ON deadline (state, missing_year);
CREATE INDEX ix_deadline_tender ON deadline (tender_id);
