-- Owned by module crossprovince: the partner provinces of policy 十 and the alerts on its targets.

-- One row per partner province, as it stands now. last_step_on is the date of its latest step (no
-- later step may be dated before it); version counts the steps and guards concurrent changes.
CREATE TABLE partner_province (
    code                    VARCHAR(8)   NOT NULL,
    name                    VARCHAR(32)  NOT NULL,
    state                   VARCHAR(24)  NOT NULL,
    negotiation_started_on  DATE         NOT NULL,
    joint_test_passed_on    DATE,
    connected_on            DATE,
    suspended_on            DATE,
    suspension_reason       VARCHAR(500),
    suspended_from          VARCHAR(24),
    resumed_on              DATE,
    last_step_on            DATE         NOT NULL,
    version                 INT          NOT NULL,
    registered_by           VARCHAR(64)  NOT NULL,
    registered_at           DATETIME(6)  NOT NULL,
    CONSTRAINT pk_partner_province PRIMARY KEY (code),
    CONSTRAINT ck_partner_province_state CHECK (state IN ('NEGOTIATING', 'JOINT_TEST_PASSED', 'CONNECTED', 'SUSPENDED')),
    CONSTRAINT ck_partner_province_connected CHECK (connected_on IS NULL OR joint_test_passed_on IS NOT NULL),
    CONSTRAINT ck_partner_province_suspended CHECK (state <> 'SUSPENDED' OR (suspended_on IS NOT NULL AND suspension_reason IS NOT NULL))
);

-- Every step of every partner province, append-only: the targets are judged from the day each
-- step took effect (effective_on), so that a past month's report gives the same answer again.
CREATE TABLE partner_province_change (
    province_code  VARCHAR(8)    NOT NULL,
    seq            INT           NOT NULL,
    from_state     VARCHAR(24),
    to_state       VARCHAR(24)   NOT NULL,
    effective_on   DATE          NOT NULL,
    reason         VARCHAR(500),
    changed_by     VARCHAR(64)   NOT NULL,
    changed_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_partner_province_change PRIMARY KEY (province_code, seq)
);

-- A target of policy 十 found at risk or missed, raised once per target and state: the primary key
-- makes a second node's (or a second day's) check skip it instead of opening another task.
CREATE TABLE partner_target_alert (
    target_kind          VARCHAR(16)  NOT NULL,
    target_count         INT          NOT NULL,
    due_on               DATE         NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    judged_on            DATE         NOT NULL,
    reached              INT          NOT NULL,
    process_instance_id  VARCHAR(64),
    raised_at            DATETIME(6)  NOT NULL,
    CONSTRAINT pk_partner_target_alert PRIMARY KEY (target_kind, target_count, due_on, state)
);
