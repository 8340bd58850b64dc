-- Owned by module draw: who holds which seat of a tender's evaluation committee. Rows are never
-- deleted: a declined, unanswered, excluded or no-show expert keeps their row (that is how a
-- supplementary draw knows whom never to draw again for the tender), and a new row takes the seat.
-- Experts appear by their opaque reference only; names and contact data stay encrypted in the
-- expert module.
CREATE TABLE committee_seat (
    id                     VARCHAR(36)  NOT NULL,
    tender_id              VARCHAR(36)  NOT NULL,
    seat_no                INT          NOT NULL,
    center_code            VARCHAR(16)  NOT NULL,
    specialty_code         VARCHAR(32)  NOT NULL,
    expert_ref             VARCHAR(36)  NOT NULL,
    expert_city            VARCHAR(16)  NOT NULL,
    draw_id                VARCHAR(36)  NOT NULL,
    eval_date              DATE         NOT NULL,
    half_day               VARCHAR(2)   NOT NULL,
    -- "yyyy-MM-dd AM|PM" while the seat holds the expert, NULL once it no longer does: the unique
    -- key below then makes booking one expert twice for a half-day impossible, on any node.
    busy_slot              VARCHAR(13),
    tenderer_key           VARCHAR(200),
    state                  VARCHAR(16)  NOT NULL,
    invitation_token_hash  VARCHAR(64)  NOT NULL,
    invited_at             DATETIME(6)  NOT NULL,
    answer_due_at          DATETIME(6)  NOT NULL,
    answered_at            DATETIME(6),
    ended_at               DATETIME(6),
    CONSTRAINT pk_committee_seat PRIMARY KEY (id),
    CONSTRAINT uk_committee_seat_busy UNIQUE (expert_ref, busy_slot),
    CONSTRAINT uk_committee_seat_once UNIQUE (tender_id, expert_ref),
    CONSTRAINT uk_committee_seat_token UNIQUE (invitation_token_hash)
);

CREATE INDEX ix_committee_seat_tender ON committee_seat (tender_id, seat_no);
CREATE INDEX ix_committee_seat_slot ON committee_seat (eval_date, half_day, state);
CREATE INDEX ix_committee_seat_tenderer ON committee_seat (tenderer_key, eval_date);

-- Candidates a draw removed under a conflict-of-interest rule (回避), with the reason: part of
-- the draw's evidence, sealed like the record itself until the evaluation ends.
CREATE TABLE expert_draw_exclusion (
    draw_id     VARCHAR(36)  NOT NULL,
    expert_ref  VARCHAR(36)  NOT NULL,
    rule        VARCHAR(32)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    CONSTRAINT pk_expert_draw_exclusion PRIMARY KEY (draw_id, expert_ref)
);

-- When a tender's committee list was unsealed to its supervisor (after the evaluation ended).
CREATE TABLE committee_unsealing (
    tender_id    VARCHAR(36)  NOT NULL,
    unsealed_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_committee_unsealing PRIMARY KEY (tender_id)
);
