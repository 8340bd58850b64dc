-- Owned by module tender: registered tender sections and their lifecycle facts.
-- No foreign key to trading_center: that table belongs to module venue, and the
-- tender module checks center codes through venue's public API.
CREATE TABLE tender (
    id                                  VARCHAR(36)   NOT NULL,
    section_code                        VARCHAR(64)   NOT NULL,
    name                                VARCHAR(200)  NOT NULL,
    main_center                         VARCHAR(16)   NOT NULL,
    category                            VARCHAR(16)   NOT NULL,
    estimated_price                     DECIMAL(17,2) NOT NULL,
    epc_construction_part               DECIMAL(17,2),
    epc_goods_part                      DECIMAL(17,2),
    epc_services_part                   DECIMAL(17,2),
    evaluation_date                     DATE          NOT NULL,
    half_day                            VARCHAR(2)    NOT NULL,
    committee_size                      INT           NOT NULL,
    regulation_requires_cross_province  BOOLEAN       NOT NULL,
    expert_shortage_asserted            BOOLEAN       NOT NULL,
    exemption_reason                    VARCHAR(32),
    exemption_detail                    VARCHAR(2000),
    scope                               VARCHAR(16),
    scope_reasons                       VARCHAR(500),
    rollout                             VARCHAR(16),
    state                               VARCHAR(40)   NOT NULL,
    winner_name                         VARCHAR(200),
    winner_decided_on                   DATE,
    winner_recorded_by                  VARCHAR(64),
    winner_recorded_at                  DATETIME(6),
    explanation_text                    VARCHAR(4000),
    explanation_submitted_on            DATE,
    explanation_filed_by                VARCHAR(64),
    explanation_filed_at                DATETIME(6),
    registered_by                       VARCHAR(64)   NOT NULL,
    registered_at                       DATETIME(6)   NOT NULL,
    version                             BIGINT        NOT NULL,
    CONSTRAINT pk_tender PRIMARY KEY (id),
    CONSTRAINT uk_tender_section_code UNIQUE (section_code)
);

CREATE INDEX ix_tender_main_center_state ON tender (main_center, state);
CREATE INDEX ix_tender_evaluation_date ON tender (evaluation_date, half_day);

CREATE TABLE tender_specialty (
    tender_id     VARCHAR(36) NOT NULL,
    seq_no        INT         NOT NULL,
    code          VARCHAR(32) NOT NULL,
    expert_count  INT         NOT NULL,
    CONSTRAINT pk_tender_specialty PRIMARY KEY (tender_id, seq_no),
    CONSTRAINT fk_tender_specialty_tender FOREIGN KEY (tender_id) REFERENCES tender (id)
);
