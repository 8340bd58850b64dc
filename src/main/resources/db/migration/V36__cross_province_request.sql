-- Owned by module crossprovince (assignment): this province as main venue asks a partner province for
-- sub-venues through the exchange. One row per request; a tender asks one partner at a time
-- (current_marker TRUE, NULL once answered or withdrawn: NULLs are distinct in the unique constraint on
-- H2 and MariaDB alike), and a partner that refused is not asked again for the same slot.
CREATE TABLE cross_province_request (
    id               VARCHAR(36)   NOT NULL,
    tender_id        VARCHAR(36)   NOT NULL,
    partner          VARCHAR(8)    NOT NULL,
    eval_date        DATE          NOT NULL,
    half_day         VARCHAR(2)    NOT NULL,
    seats            INT           NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    current_marker   BOOLEAN,
    message_id       VARCHAR(36)   NOT NULL,
    requested_at     DATETIME(6)   NOT NULL,
    answered_at      DATETIME(6),
    detail           VARCHAR(500),
    CONSTRAINT pk_cross_province_request PRIMARY KEY (id),
    CONSTRAINT uk_cross_province_request_current UNIQUE (tender_id, current_marker),
    CONSTRAINT ck_cross_province_request_state CHECK (state IN ('REQUESTED', 'ACCEPTED', 'REFUSED', 'UNUSABLE', 'CANCELLED'))
);
CREATE INDEX ix_cross_province_request_tender ON cross_province_request (tender_id);
