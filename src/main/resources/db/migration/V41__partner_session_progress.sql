-- Owned by module crossprovince (progress): this province as main venue follows the evaluation day of
-- each sub-venue session a partner province holds for one of its tenders, as the partner reports it
-- through the exchange (SESSION_STARTED, SESSION_ENDED, SIGNATURES_COLLECTED). Opaque references only:
-- the partner's seat and signature references and times, as JSON; never a person or a hosting center.
-- signed_at is set once the signatures cover every seat of the session.
CREATE TABLE partner_session_progress (
    tender_id        VARCHAR(36)   NOT NULL,
    session_ref      VARCHAR(64)   NOT NULL,
    partner          VARCHAR(8)    NOT NULL,
    seats            INT           NOT NULL,
    started_at       DATETIME(6),
    ended_at         DATETIME(6),
    signed_at        DATETIME(6),
    signature_count  INT           NOT NULL,
    signatures       TEXT,
    updated_at       DATETIME(6)   NOT NULL,
    CONSTRAINT pk_partner_session_progress PRIMARY KEY (tender_id, session_ref),
    CONSTRAINT ck_partner_session_progress_count CHECK (signature_count >= 0 AND signature_count <= seats)
);
