-- Owned by module expert: the specialty classification (评标专家专业分类), seeded with a subset of
-- the national classification (A 工程 / B 货物 / C 服务) and extended by the pool administrators.
CREATE TABLE specialty (
    code         VARCHAR(16)   NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    parent_code  VARCHAR(16),
    created_by   VARCHAR(64)   NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    CONSTRAINT pk_specialty PRIMARY KEY (code),
    CONSTRAINT fk_specialty_parent FOREIGN KEY (parent_code) REFERENCES specialty (code)
);

INSERT INTO specialty (code, name, parent_code, created_by, created_at) VALUES
    ('A01', '规划', NULL, 'system', CURRENT_TIMESTAMP),
    ('A02', '投资策划与决策', NULL, 'system', CURRENT_TIMESTAMP),
    ('A03', '勘察', NULL, 'system', CURRENT_TIMESTAMP),
    ('A04', '设计', NULL, 'system', CURRENT_TIMESTAMP),
    ('A05', '监理', NULL, 'system', CURRENT_TIMESTAMP),
    ('A06', '工程造价', NULL, 'system', CURRENT_TIMESTAMP),
    ('A07', '项目管理（含代建）', NULL, 'system', CURRENT_TIMESTAMP),
    ('A08', '工程施工', NULL, 'system', CURRENT_TIMESTAMP),
    ('B01', '机电设备', NULL, 'system', CURRENT_TIMESTAMP),
    ('B02', '医疗设备', NULL, 'system', CURRENT_TIMESTAMP),
    ('B03', '金属材料', NULL, 'system', CURRENT_TIMESTAMP),
    ('B06', '化工材料及其制品', NULL, 'system', CURRENT_TIMESTAMP),
    ('B07', '建筑材料', NULL, 'system', CURRENT_TIMESTAMP),
    ('B09', '其他类', NULL, 'system', CURRENT_TIMESTAMP),
    ('C01', '勘察与调查', NULL, 'system', CURRENT_TIMESTAMP),
    ('C02', '公共咨询', NULL, 'system', CURRENT_TIMESTAMP),
    ('C03', '经济管理', NULL, 'system', CURRENT_TIMESTAMP),
    ('C04', '工商管理', NULL, 'system', CURRENT_TIMESTAMP),
    ('C05', '金融', NULL, 'system', CURRENT_TIMESTAMP),
    ('C06', '法律', NULL, 'system', CURRENT_TIMESTAMP),
    ('C09', '交通运输与物流', NULL, 'system', CURRENT_TIMESTAMP),
    ('C11', '高新技术服务', NULL, 'system', CURRENT_TIMESTAMP);

INSERT INTO specialty (code, name, parent_code, created_by, created_at) VALUES
    ('A0101', '国民经济和社会发展规划', 'A01', 'system', CURRENT_TIMESTAMP),
    ('A0102', '城市规划', 'A01', 'system', CURRENT_TIMESTAMP),
    ('A0201', '项目建议、可行性研究、评估及后评价', 'A02', 'system', CURRENT_TIMESTAMP),
    ('A0301', '岩土工程', 'A03', 'system', CURRENT_TIMESTAMP),
    ('A0303', '测绘工程', 'A03', 'system', CURRENT_TIMESTAMP),
    ('A0401', '建筑工程', 'A04', 'system', CURRENT_TIMESTAMP),
    ('A0520', '机电安装工程', 'A05', 'system', CURRENT_TIMESTAMP),
    ('A0521', '设备监造', 'A05', 'system', CURRENT_TIMESTAMP),
    ('A0601', '土建工程', 'A06', 'system', CURRENT_TIMESTAMP),
    ('A0602', '安装工程', 'A06', 'system', CURRENT_TIMESTAMP),
    ('A0701', '建设项目管理', 'A07', 'system', CURRENT_TIMESTAMP),
    ('A0801', '建筑工程', 'A08', 'system', CURRENT_TIMESTAMP),
    ('B0130', '电机', 'B01', 'system', CURRENT_TIMESTAMP),
    ('B0131', '输变电设备、设施', 'B01', 'system', CURRENT_TIMESTAMP),
    ('B0132', '计算机及网络设备', 'B01', 'system', CURRENT_TIMESTAMP),
    ('B0133', '计算机系统软件', 'B01', 'system', CURRENT_TIMESTAMP),
    ('B0134', '环保设备', 'B01', 'system', CURRENT_TIMESTAMP),
    ('B0701', '水泥及水泥制品', 'B07', 'system', CURRENT_TIMESTAMP),
    ('B0901', '其他货物', 'B09', 'system', CURRENT_TIMESTAMP),
    ('C0201', '咨询服务', 'C02', 'system', CURRENT_TIMESTAMP),
    ('C0304', '建筑经济管理', 'C03', 'system', CURRENT_TIMESTAMP),
    ('C0305', '投资经济管理', 'C03', 'system', CURRENT_TIMESTAMP),
    ('C0313', '合同管理', 'C03', 'system', CURRENT_TIMESTAMP),
    ('C0402', '财务管理', 'C04', 'system', CURRENT_TIMESTAMP),
    ('C0403', '资产评估', 'C04', 'system', CURRENT_TIMESTAMP),
    ('C0502', '会计', 'C05', 'system', CURRENT_TIMESTAMP),
    ('C0602', '民商法', 'C06', 'system', CURRENT_TIMESTAMP),
    ('C0604', '经济法', 'C06', 'system', CURRENT_TIMESTAMP);

INSERT INTO specialty (code, name, parent_code, created_by, created_at) VALUES
    ('A040103', '结构', 'A0401', 'system', CURRENT_TIMESTAMP),
    ('A040104', '给水排水', 'A0401', 'system', CURRENT_TIMESTAMP),
    ('A040105', '暖通空调', 'A0401', 'system', CURRENT_TIMESTAMP),
    ('A040106', '电气、通信及弱电', 'A0401', 'system', CURRENT_TIMESTAMP),
    ('A080101', '土石方工程', 'A0801', 'system', CURRENT_TIMESTAMP),
    ('A080102', '地基处理工程', 'A0801', 'system', CURRENT_TIMESTAMP),
    ('A080104', '土建工程', 'A0801', 'system', CURRENT_TIMESTAMP),
    ('B090101', '办公设备', 'B0901', 'system', CURRENT_TIMESTAMP),
    ('B090102', '家具', 'B0901', 'system', CURRENT_TIMESTAMP),
    ('C020101', '环境咨询', 'C0201', 'system', CURRENT_TIMESTAMP),
    ('C020114', '招标投标咨询', 'C0201', 'system', CURRENT_TIMESTAMP),
    ('C020115', '信息系统咨询', 'C0201', 'system', CURRENT_TIMESTAMP);

-- The experts. Name, 身份证号 and mobile are stored only encrypted (AES-GCM, see
-- security.PersonalDataCipher); id_number_index is a keyed hash of the normalised 身份证号, for the
-- re-import's lookup and uniqueness. expert_ref is random, never derived from personal data, and is
-- the only name other modules (and draw records) ever use for an expert.
CREATE TABLE expert (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    expert_ref       VARCHAR(36)   NOT NULL,
    name_enc         VARCHAR(512)  NOT NULL,
    id_number_enc    VARCHAR(255)  NOT NULL,
    id_number_index  VARCHAR(64)   NOT NULL,
    mobile_enc       VARCHAR(255)  NOT NULL,
    specialty_code   VARCHAR(16)   NOT NULL,
    category         VARCHAR(16)   NOT NULL,
    employer         VARCHAR(200)  NOT NULL,
    city             VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    status_reason    VARCHAR(200),
    version          BIGINT        NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(64)   NOT NULL,
    created_source   VARCHAR(64)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    CONSTRAINT pk_expert PRIMARY KEY (id),
    CONSTRAINT uk_expert_ref UNIQUE (expert_ref),
    CONSTRAINT uk_expert_id_number_index UNIQUE (id_number_index),
    CONSTRAINT fk_expert_specialty FOREIGN KEY (specialty_code) REFERENCES specialty (code),
    CONSTRAINT ck_expert_category CHECK (category IN ('TECHNICAL', 'ECONOMIC')),
    CONSTRAINT ck_expert_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DISQUALIFIED'))
);

CREATE INDEX ix_expert_specialty_status ON expert (specialty_code, status);
CREATE INDEX ix_expert_city ON expert (city);

-- Append-only: one row per change of an expert (version 1 and up; version 0 is the expert row's
-- created_* columns, so that a whole pool is written with one row per expert). Names of the changed
-- fields only; the values they had before only inside the encrypted snapshot.
CREATE TABLE expert_history (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    expert_ref           VARCHAR(36)   NOT NULL,
    version              BIGINT        NOT NULL,
    changed_at           DATETIME(6)   NOT NULL,
    changed_by           VARCHAR(64)   NOT NULL,
    source               VARCHAR(64)   NOT NULL,
    changed_fields       VARCHAR(200)  NOT NULL,
    previous_values_enc  TEXT,
    CONSTRAINT pk_expert_history PRIMARY KEY (id),
    CONSTRAINT uk_expert_history_version UNIQUE (expert_ref, version),
    CONSTRAINT fk_expert_history_expert FOREIGN KEY (expert_ref) REFERENCES expert (expert_ref)
);

-- Date ranges (both ends inclusive) in which an expert cannot evaluate.
CREATE TABLE expert_leave (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    expert_ref   VARCHAR(36)   NOT NULL,
    from_date    DATE          NOT NULL,
    to_date      DATE          NOT NULL,
    reason       VARCHAR(200)  NOT NULL,
    recorded_by  VARCHAR(64)   NOT NULL,
    recorded_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_expert_leave PRIMARY KEY (id),
    CONSTRAINT fk_expert_leave_expert FOREIGN KEY (expert_ref) REFERENCES expert (expert_ref),
    CONSTRAINT ck_expert_leave_range CHECK (from_date <= to_date)
);

CREATE INDEX ix_expert_leave_range ON expert_leave (expert_ref, from_date, to_date);

-- Declared relations (回避 declarations): organisations the expert must not evaluate for.
CREATE TABLE expert_relation (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    expert_ref    VARCHAR(36)   NOT NULL,
    organisation  VARCHAR(200)  NOT NULL,
    relation      VARCHAR(100)  NOT NULL,
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   DATETIME(6)   NOT NULL,
    CONSTRAINT pk_expert_relation PRIMARY KEY (id),
    CONSTRAINT uk_expert_relation UNIQUE (expert_ref, organisation),
    CONSTRAINT fk_expert_relation_expert FOREIGN KEY (expert_ref) REFERENCES expert (expert_ref)
);

-- Earlier stages of a project the expert took part in (e.g. its feasibility study or design).
CREATE TABLE expert_project_participation (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    expert_ref    VARCHAR(36)   NOT NULL,
    project_code  VARCHAR(64)   NOT NULL,
    stage         VARCHAR(50)   NOT NULL,
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   DATETIME(6)   NOT NULL,
    CONSTRAINT pk_expert_project_participation PRIMARY KEY (id),
    CONSTRAINT uk_expert_project_participation UNIQUE (expert_ref, project_code, stage),
    CONSTRAINT fk_expert_participation_expert FOREIGN KEY (expert_ref) REFERENCES expert (expert_ref)
);

-- The imports and their progress. errors holds the first problems found (JSON list of
-- {field, message}); messages never repeat a 身份证号, name or mobile.
CREATE TABLE expert_import (
    id               VARCHAR(36)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    phase            VARCHAR(16)   NOT NULL,
    background       BOOLEAN       NOT NULL,
    file_name        VARCHAR(255)  NOT NULL,
    file_size        BIGINT        NOT NULL,
    rows_read        BIGINT        NOT NULL,
    rows_valid       BIGINT        NOT NULL,
    error_count      BIGINT        NOT NULL,
    errors           MEDIUMTEXT,
    created_count    BIGINT,
    updated_count    BIGINT,
    unchanged_count  BIGINT,
    started_by       VARCHAR(64)   NOT NULL,
    started_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6),
    CONSTRAINT pk_expert_import PRIMARY KEY (id),
    CONSTRAINT ck_expert_import_state CHECK (state IN ('RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED'))
);

CREATE INDEX ix_expert_import_started ON expert_import (started_at);
