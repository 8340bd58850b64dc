-- Owned by module crossprovince. No foreign key to tender, trading_center or workstation_booking:
-- those tables belong to other modules, which this one reaches through their public APIs only.

-- The partner province's plans for a cross-province tender whose main venue is in this province
-- (policy 六: the partner fixes the sub-venues). partner_sub_venues holds the sub-venues as
-- received, as JSON; they are confidential (policy 六 副场信息全程保密): stored for the record,
-- never returned by the API, never logged. A tender whose evaluation moves waits for a new plan,
-- so a tender can have several rows: the old ones are voided (current_marker NULL, voided_at
-- set), and the unique constraint allows one current plan per tender (NULLs are distinct on H2
-- and MariaDB alike).
CREATE TABLE cross_province_assignment (
    id                  VARCHAR(36)  NOT NULL,
    tender_id           VARCHAR(36)  NOT NULL,
    partner_province    VARCHAR(32)  NOT NULL,
    main_venue_seats    INT          NOT NULL,
    partner_sub_venues  TEXT         NOT NULL,
    received_by         VARCHAR(64)  NOT NULL,
    received_at         DATETIME(6)  NOT NULL,
    current_marker      BOOLEAN,
    voided_at           DATETIME(6),
    void_reason         VARCHAR(32),
    CONSTRAINT pk_cross_province_assignment PRIMARY KEY (id),
    CONSTRAINT uk_cross_province_assignment_current UNIQUE (tender_id, current_marker),
    CONSTRAINT ck_cross_province_assignment_seats CHECK (main_venue_seats >= 0),
    CONSTRAINT ck_cross_province_assignment_void CHECK (
        (current_marker = TRUE AND voided_at IS NULL AND void_reason IS NULL)
        OR (current_marker IS NULL AND voided_at IS NOT NULL AND void_reason IS NOT NULL))
);

-- A partner province's tender hosted here as a sub-venue, on cross-province workstations of a
-- permanent cross-province sub-venue (policy 四). active_marker is TRUE while the hosting is
-- active and NULL once cancelled: a unique constraint treats NULLs as distinct on H2 and MariaDB
-- alike, so (partner_province, partner_tender_ref) is unique among active hostings only, without
-- a partial index that only some databases have.
CREATE TABLE partner_hosting (
    id                  VARCHAR(36)  NOT NULL,
    partner_province    VARCHAR(32)  NOT NULL,
    partner_tender_ref  VARCHAR(64)  NOT NULL,
    center_code         VARCHAR(16)  NOT NULL,
    eval_date           DATE         NOT NULL,
    half_day            VARCHAR(2)   NOT NULL,
    seats               INT          NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    active_marker       BOOLEAN,
    registered_by       VARCHAR(64)  NOT NULL,
    registered_at       DATETIME(6)  NOT NULL,
    cancelled_by        VARCHAR(64),
    cancelled_at        DATETIME(6),
    CONSTRAINT pk_partner_hosting PRIMARY KEY (id),
    CONSTRAINT uk_partner_hosting_active_ref UNIQUE (partner_province, partner_tender_ref, active_marker),
    CONSTRAINT ck_partner_hosting_seats CHECK (seats >= 1),
    CONSTRAINT ck_partner_hosting_state CHECK (
        (state = 'ACTIVE' AND active_marker = TRUE AND cancelled_at IS NULL)
        OR (state = 'CANCELLED' AND active_marker IS NULL AND cancelled_at IS NOT NULL))
);

CREATE INDEX ix_partner_hosting_date ON partner_hosting (eval_date, half_day);
