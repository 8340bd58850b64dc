-- Owned by module draw: the seats of a partner's session hosted here (this province as sub-venue) that
-- the partner asked this province to fill with its own experts. One row per seat, numbered 1..n per
-- hosting across the partner's requests. The invitations themselves are committee_seat rows whose
-- tender_id is the hosting id (so that an expert is never booked twice in a half-day, whatever for),
-- and the draws are draw_record rows of kind HOSTED_EXPERT keyed by the hosting id. The excluded
-- organisations (the partner's tenderer and bidders, as a JSON array of names) are kept for the
-- supplementary draws of the seat: organisations, never a person.
CREATE TABLE hosted_draw_seat (
    hosting_id              VARCHAR(36)  NOT NULL,
    seat_no                 INT          NOT NULL,
    specialty_code          VARCHAR(32)  NOT NULL,
    center_code             VARCHAR(16)  NOT NULL,
    eval_date               DATE         NOT NULL,
    half_day                VARCHAR(2)   NOT NULL,
    excluded_organisations  MEDIUMTEXT   NOT NULL,
    -- OPEN while an expert is being found, then CONFIRMED (an expert accepted), SHORT (no eligible
    -- expert left) or CANCELLED (the hosting was cancelled).
    state                   VARCHAR(16)  NOT NULL,
    requested_at            DATETIME(6)  NOT NULL,
    settled_at              DATETIME(6),
    CONSTRAINT pk_hosted_draw_seat PRIMARY KEY (hosting_id, seat_no)
);

-- Owned by module crossprovince (hosting): the seats a partner asked for by EXPERT_DRAW_REQUEST, by
-- its opaque seat reference, with the seat number the draw module knows the seat by. A request is a
-- round; a seat that came back SHORT may be asked for again in a later round (a new row, a new seat
-- number). reported_at says when the round's EXPERT_DRAW_RESULT was queued for the partner; signature_ref
-- and signed_at what SIGNATURES_COLLECTED told it of a confirmed seat once the report was signed.
CREATE TABLE hosting_expert_seat (
    hosting_id      VARCHAR(36)  NOT NULL,
    seat_no         INT          NOT NULL,
    round_no        INT          NOT NULL,
    seat_ref        VARCHAR(64)  NOT NULL,
    specialty_code  VARCHAR(32)  NOT NULL,
    -- DRAWING, CONFIRMED, SHORT or CANCELLED
    state           VARCHAR(16)  NOT NULL,
    requested_at    DATETIME(6)  NOT NULL,
    settled_at      DATETIME(6),
    reported_at     DATETIME(6),
    signature_ref   VARCHAR(64),
    signed_at       DATETIME(6),
    CONSTRAINT pk_hosting_expert_seat PRIMARY KEY (hosting_id, seat_no),
    CONSTRAINT uk_hosting_expert_seat_ref UNIQUE (hosting_id, round_no, seat_ref)
);
