-- Owned by module crossprovince (assignment): this province as main venue of a cross-province tender whose
-- plan came through the exchange asks the partner province to draw the experts of its sessions' seats
-- (EXPERT_DRAW_REQUEST) and keeps its answers (EXPERT_DRAW_RESULT). One row per seat asked for, under a
-- fresh opaque seat_ref; a seat the partner could not fill (SHORT) is asked again in the next round under a
-- new seat_ref; seq_in_round keeps the plan's order of the seats within a round. voided_at: the plan became
-- void (evaluation moved, tender withdrawn), and answers for it are ignored.
-- No expert is named here: the partner keeps its experts.
CREATE TABLE partner_expert_seat (
    seat_ref         VARCHAR(64)   NOT NULL,
    tender_id        VARCHAR(36)   NOT NULL,
    partner          VARCHAR(8)    NOT NULL,
    session_ref      VARCHAR(64)   NOT NULL,
    specialty_code   VARCHAR(16)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    round_no         INT           NOT NULL,
    seq_in_round     INT           NOT NULL,
    requested_at     DATETIME(6)   NOT NULL,
    answered_at      DATETIME(6),
    voided_at        DATETIME(6),
    CONSTRAINT pk_partner_expert_seat PRIMARY KEY (seat_ref),
    CONSTRAINT ck_partner_expert_seat_state CHECK (state IN ('REQUESTED', 'CONFIRMED', 'SHORT'))
);
CREATE INDEX ix_partner_expert_seat_tender ON partner_expert_seat (tender_id, round_no);

-- Owned by module tender: where the partner's share of the committee stands (AWAITING, SHORT, CONFIRMED),
-- NULL unless the plan came through the exchange.
ALTER TABLE tender ADD COLUMN partner_expert_draw VARCHAR(16);
