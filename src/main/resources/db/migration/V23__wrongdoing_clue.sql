-- Owned by module handover: clues of wrongdoing a sub-venue found (policy 八), passed to the main
-- venue and transferred by it to a discipline or law-enforcement body. The description may name a
-- person or a venue: it is kept encrypted here and never in the engine.
CREATE TABLE wrongdoing_clue (
    id                    VARCHAR(36)   NOT NULL,
    tender_id             VARCHAR(36)   NOT NULL,
    session_code          VARCHAR(32)   NOT NULL,
    category              VARCHAR(32)   NOT NULL,
    found_on              DATE          NOT NULL,
    description_cipher    VARCHAR(8000) NOT NULL,
    reported_by           VARCHAR(64)   NOT NULL,
    reported_at           DATETIME(6)   NOT NULL,
    state                 VARCHAR(16)   NOT NULL,
    receipt_deadline_id   VARCHAR(36),
    received_by           VARCHAR(64),
    received_at           DATETIME(6),
    transfer_deadline_id  VARCHAR(36),
    transfer_body         VARCHAR(32),
    transferred_on        DATE,
    reference_number      VARCHAR(64),
    transfer_recorded_by  VARCHAR(64),
    transfer_recorded_at  DATETIME(6),
    CONSTRAINT pk_wrongdoing_clue PRIMARY KEY (id)
);

CREATE INDEX ix_wrongdoing_clue_tender ON wrongdoing_clue (tender_id, reported_at);
