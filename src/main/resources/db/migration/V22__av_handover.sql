-- Owned by module handover: the A/V material of an evaluation handed from each sub-venue to the
-- main venue, and from the main venue to the tenderer (policy 八). A sub-venue's hand-over names
-- its anonymous session code only, never its center.
CREATE TABLE av_handover (
    id                  VARCHAR(36)  NOT NULL,
    tender_id           VARCHAR(36)  NOT NULL,
    main_center         VARCHAR(16)  NOT NULL,
    leg                 VARCHAR(24)  NOT NULL,
    -- The session code of the handing sub-venue, or TENDERER for the main venue's hand-over to the tenderer.
    leg_ref             VARCHAR(32)  NOT NULL,
    start_day           DATE         NOT NULL,
    state               VARCHAR(24)  NOT NULL,
    deadline_id         VARCHAR(36),
    due_date            DATE,
    medium              VARCHAR(24),
    item_count          INT,
    handed_by           VARCHAR(64),
    handed_at           DATETIME(6),
    handover_recorded_at DATETIME(6),
    received_by         VARCHAR(64),
    received_at         DATETIME(6),
    checksums_verified  BOOLEAN,
    -- The tenderer's person who took the material (a name: kept here, never in the engine).
    tenderer_receiver   VARCHAR(100),
    reminded_at         DATETIME(6),
    breached_at         DATETIME(6),
    opened_at           DATETIME(6)  NOT NULL,
    CONSTRAINT pk_av_handover PRIMARY KEY (id),
    CONSTRAINT uk_av_handover_leg UNIQUE (tender_id, leg, leg_ref)
);

CREATE INDEX ix_av_handover_deadline ON av_handover (deadline_id);

-- The sealed items of a hand-over, one row per file, with the SHA-256 the receiver verifies.
CREATE TABLE av_handover_item (
    handover_id  VARCHAR(36)  NOT NULL,
    item_no      INT          NOT NULL,
    file_name    VARCHAR(500) NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_av_handover_item PRIMARY KEY (handover_id, item_no)
);

-- What the supervisor recorded on an overdue hand-over or clue (the escalation task's form).
CREATE TABLE handover_supervision (
    id            VARCHAR(36)   NOT NULL,
    subject_type  VARCHAR(16)   NOT NULL,
    subject_id    VARCHAR(36)   NOT NULL,
    deadline_id   VARCHAR(36),
    acted_by      VARCHAR(64)   NOT NULL,
    acted_at      DATETIME(6)   NOT NULL,
    action        VARCHAR(32)   NOT NULL,
    note          VARCHAR(2000),
    CONSTRAINT pk_handover_supervision PRIMARY KEY (id)
);

CREATE INDEX ix_handover_supervision_subject ON handover_supervision (subject_type, subject_id);
