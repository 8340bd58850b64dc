-- Owned by module reporting. One review per reported month (month as yyyy-MM): the key keeps the
-- Quartz job on two nodes and an operator's manual start from starting the month's process twice.
CREATE TABLE monthly_report_review (
    report_month         VARCHAR(7)    NOT NULL,
    process_instance_id  VARCHAR(64),
    started_at           DATETIME(6)   NOT NULL,
    started_by           VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_monthly_report_review PRIMARY KEY (report_month)
);

-- The report as submitted to the provincial DRC: who, when, whether after the deadline, and the
-- SHA-256 of the figures as submitted (a regenerated report of the month must give the same digest).
CREATE TABLE monthly_report_submission (
    report_month    VARCHAR(7)    NOT NULL,
    submitted_by    VARCHAR(64)   NOT NULL,
    submitted_at    DATETIME(6)   NOT NULL,
    late            BOOLEAN       NOT NULL,
    figures_digest  VARCHAR(64)   NOT NULL,
    deadline_id     VARCHAR(36),
    CONSTRAINT pk_monthly_report_submission PRIMARY KEY (report_month)
);
