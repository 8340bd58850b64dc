-- Owned by module evaluation: the evaluation day of a tender at the main venue and its sessions.
-- Sub-venues appear by their anonymous session code only (RS-…), experts by opaque reference.
CREATE TABLE evaluation_day (
    tender_id           VARCHAR(36)  NOT NULL,
    main_center         VARCHAR(16)  NOT NULL,
    started_at          DATETIME(6)  NOT NULL,
    -- The main venue opened the session with the supervisor on site (policy 八).
    session_opened_at   DATETIME(6),
    session_started_at  DATETIME(6),
    supervisor_on_site  BOOLEAN,
    opened_by           VARCHAR(100),
    -- When the last member's signature completed the committee's report; NULL while not over.
    ended_at            DATETIME(6),
    CONSTRAINT pk_evaluation_day PRIMARY KEY (tender_id)
);

-- Who signed the committee's report: one row per seat and expert (a replaced expert's signature
-- stays, and the seat's new expert signs again). signature_ref is the e-signature service's receipt.
CREATE TABLE report_signature (
    tender_id      VARCHAR(36)   NOT NULL,
    seat_no        INT           NOT NULL,
    expert_ref     VARCHAR(36)   NOT NULL,
    session_code   VARCHAR(32)   NOT NULL,
    signed_at      DATETIME(6)   NOT NULL,
    signature_ref  VARCHAR(100)  NOT NULL,
    collected_by   VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_report_signature PRIMARY KEY (tender_id, seat_no, expert_ref),
    CONSTRAINT uk_report_signature_ref UNIQUE (signature_ref)
);

-- Incidents raised at any venue during the evaluation and how the main venue handled them. The
-- description and the handling note are free text (they may name a person or a place): they live
-- here only, never in a process variable or a log line.
CREATE TABLE evaluation_incident (
    id             VARCHAR(36)    NOT NULL,
    tender_id      VARCHAR(36)    NOT NULL,
    session_code   VARCHAR(32)    NOT NULL,
    kind           VARCHAR(32)    NOT NULL,
    description    VARCHAR(4000),
    raised_by      VARCHAR(100)   NOT NULL,
    raised_at      DATETIME(6)    NOT NULL,
    measure        VARCHAR(32),
    resolved       BOOLEAN,
    handling_note  VARCHAR(4000),
    handled_by     VARCHAR(100),
    handled_at     DATETIME(6),
    CONSTRAINT pk_evaluation_incident PRIMARY KEY (id)
);

CREATE INDEX ix_evaluation_incident_tender ON evaluation_incident (tender_id, raised_at);
