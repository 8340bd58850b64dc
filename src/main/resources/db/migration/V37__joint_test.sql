-- Owned by module crossprovince (jointtest): the joint test (联调测试) of policy 十. One row per run of the
-- conformance scenarios against a partner's node (passed when every scenario passed; moved_partner when
-- the run moved a negotiating partner to JOINT_TEST_PASSED), and one row per scenario of the run. The
-- partner column is a code of partner_province, without a foreign key: a run stays on record as evidence.
CREATE TABLE joint_test_run (
    id             VARCHAR(36)   NOT NULL,
    partner        VARCHAR(8)    NOT NULL,
    started_at     DATETIME(6)   NOT NULL,
    finished_at    DATETIME(6)   NOT NULL,
    started_by     VARCHAR(64)   NOT NULL,
    passed         BOOLEAN       NOT NULL,
    moved_partner  BOOLEAN       DEFAULT FALSE NOT NULL,
    CONSTRAINT pk_joint_test_run PRIMARY KEY (id)
);
CREATE INDEX ix_joint_test_run_partner ON joint_test_run (partner, started_at);

CREATE TABLE joint_test_result (
    run_id       VARCHAR(36)    NOT NULL,
    scenario     VARCHAR(32)    NOT NULL,
    passed       BOOLEAN        NOT NULL,
    detail       VARCHAR(1000),
    duration_ms  BIGINT         NOT NULL,
    CONSTRAINT pk_joint_test_result PRIMARY KEY (run_id, scenario),
    CONSTRAINT fk_joint_test_result_run FOREIGN KEY (run_id) REFERENCES joint_test_run (id)
);
