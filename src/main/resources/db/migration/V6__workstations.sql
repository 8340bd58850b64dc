-- Owned by module venue: the remote-evaluation workstations each center registers (policy 四,
-- the province-wide 共享目录), and the date ranges in which one is out of service.
CREATE TABLE workstation (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    center_code     VARCHAR(16)   NOT NULL,
    code            VARCHAR(32)   NOT NULL,
    room            VARCHAR(100)  NOT NULL,
    cross_province  BOOLEAN       NOT NULL,
    av_notes        VARCHAR(500),
    registered_by   VARCHAR(64)   NOT NULL,
    registered_at   DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_workstation PRIMARY KEY (id),
    CONSTRAINT uk_workstation_center_code UNIQUE (center_code, code),
    CONSTRAINT fk_workstation_center FOREIGN KEY (center_code) REFERENCES trading_center (code)
);

-- from_date and to_date are both inclusive.
CREATE TABLE workstation_outage (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    workstation_id  BIGINT        NOT NULL,
    from_date       DATE          NOT NULL,
    to_date         DATE          NOT NULL,
    reason          VARCHAR(200)  NOT NULL,
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_workstation_outage PRIMARY KEY (id),
    CONSTRAINT fk_workstation_outage_workstation FOREIGN KEY (workstation_id) REFERENCES workstation (id),
    CONSTRAINT ck_workstation_outage_range CHECK (from_date <= to_date)
);

CREATE INDEX ix_workstation_outage_range ON workstation_outage (workstation_id, from_date, to_date);
