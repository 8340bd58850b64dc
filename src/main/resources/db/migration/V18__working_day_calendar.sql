-- Owned by module deadline: the official holiday schedules (State Council notices), one year at a time.
-- A year is either loaded whole or absent: working days are never computed across an absent year.
-- source FILE: from config/calendar at start; UPLOAD: an operator's upload, which the file never overwrites.
-- revision grows with every replacement of the year, so that every node notices a change.
CREATE TABLE calendar_year (
    year_number  INT           NOT NULL,
    source       VARCHAR(8)    NOT NULL,
    loaded_at    DATETIME(6)   NOT NULL,
    loaded_by    VARCHAR(100)  NOT NULL,
    revision     BIGINT        NOT NULL,
    CONSTRAINT pk_calendar_year PRIMARY KEY (year_number),
    CONSTRAINT ck_calendar_year_source CHECK (source IN ('FILE', 'UPLOAD'))
);

-- The exceptions to "Monday to Friday worked": listed holidays and adjusted working weekends (调休).
CREATE TABLE calendar_day (
    day_date     DATE          NOT NULL,
    year_number  INT           NOT NULL,
    kind         VARCHAR(8)    NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    CONSTRAINT pk_calendar_day PRIMARY KEY (day_date),
    CONSTRAINT ck_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);

CREATE INDEX ix_calendar_day_year ON calendar_day (year_number);
