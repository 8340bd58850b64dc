-- Owned by module crossprovince (hosting): a partner's tender hosted here, on its evaluation day
-- (process hosted-session): when the hosting center's staff opened and closed the session and
-- recorded the report as signed, and the deadline of the A/V hand-over to the partner.
CREATE TABLE hosted_session (
    hosting_id            VARCHAR(36)   NOT NULL,
    started_at            DATETIME(6),
    started_by            VARCHAR(64),
    report_signed_at      DATETIME(6),
    report_signed_by      VARCHAR(64),
    ended_at              DATETIME(6),
    ended_by              VARCHAR(64),
    handover_deadline_id  VARCHAR(36),
    CONSTRAINT pk_hosted_session PRIMARY KEY (hosting_id)
);

-- Owned by module crossprovince (hosting): incidents at a hosted session, handled by the hosting
-- center's staff here (message set 1 has no incident message). The description is encrypted.
CREATE TABLE hosted_session_incident (
    id                    VARCHAR(36)   NOT NULL,
    hosting_id            VARCHAR(36)   NOT NULL,
    kind                  VARCHAR(32)   NOT NULL,
    resolved              BOOLEAN       NOT NULL,
    description_cipher    VARCHAR(8000) NOT NULL,
    reported_by           VARCHAR(64)   NOT NULL,
    reported_at           DATETIME(6)   NOT NULL,
    CONSTRAINT pk_hosted_session_incident PRIMARY KEY (id)
);

CREATE INDEX ix_hosted_session_incident ON hosted_session_incident (hosting_id, reported_at);

-- Owned by module crossprovince (hosting): clues of wrongdoing found at a hosted session and passed on
-- to the partner (the main venue) as CLUE_PASSED_ON; the description travelled sealed and is kept
-- here encrypted only.
CREATE TABLE hosted_session_clue (
    clue_ref              VARCHAR(64)   NOT NULL,
    hosting_id            VARCHAR(36)   NOT NULL,
    message_id            VARCHAR(36)   NOT NULL,
    category              VARCHAR(32)   NOT NULL,
    found_on              DATE          NOT NULL,
    description_cipher    VARCHAR(8000) NOT NULL,
    passed_by             VARCHAR(64)   NOT NULL,
    passed_at             DATETIME(6)   NOT NULL,
    CONSTRAINT pk_hosted_session_clue PRIMARY KEY (clue_ref)
);

CREATE INDEX ix_hosted_session_clue ON hosted_session_clue (hosting_id, passed_at);

-- Owned by module crossprovince (assignment): the clues a partner passed on for its session of a
-- tender whose main venue is here, once per clue reference (the clue itself is the hand-over
-- module's wrongdoing_clue).
CREATE TABLE partner_clue (
    partner               VARCHAR(8)    NOT NULL,
    clue_ref              VARCHAR(64)   NOT NULL,
    tender_id             VARCHAR(36)   NOT NULL,
    session_ref           VARCHAR(64)   NOT NULL,
    message_id            VARCHAR(36)   NOT NULL,
    arrived_at            DATETIME(6)   NOT NULL,
    CONSTRAINT pk_partner_clue PRIMARY KEY (partner, clue_ref)
);
