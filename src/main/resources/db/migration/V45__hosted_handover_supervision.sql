-- Owned by module crossprovince (hosting): what the provincial center's supervisors did about the
-- overdue A/V hand-over of a partner's session hosted here (task 逾期移交督办 of process hosted-session,
-- policy 十: the provincial center coordinates cross-province work). One row per completed task; the
-- supervisor's note is encrypted.
CREATE TABLE hosted_handover_supervision (
    id                    VARCHAR(36)   NOT NULL,
    hosting_id            VARCHAR(36)   NOT NULL,
    deadline_id           VARCHAR(36),
    action                VARCHAR(16)   NOT NULL,
    note_cipher           VARCHAR(8000),
    supervised_by         VARCHAR(64)   NOT NULL,
    supervised_at         DATETIME(6)   NOT NULL,
    CONSTRAINT pk_hosted_handover_supervision PRIMARY KEY (id)
);

CREATE INDEX ix_hosted_handover_supervision ON hosted_handover_supervision (hosting_id, supervised_at);
