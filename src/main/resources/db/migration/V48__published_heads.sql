-- Owned by module anchor: the daily head statements. Each signs the heads of the draw chain and the
-- audit chain as they stood when it was taken, so that a tail rewritten afterwards, with every hash and
-- the head row recomputed, no longer matches. One statement per province day, across the cluster.
CREATE TABLE published_head (
    statement_date  DATE          NOT NULL,
    province        VARCHAR(8)    NOT NULL,
    draw_seq        BIGINT        NOT NULL,
    draw_hash       CHAR(64)      NOT NULL,
    audit_seal_no   BIGINT        NOT NULL,
    audit_hash      CHAR(64)      NOT NULL,
    taken_at        DATETIME(6)   NOT NULL,
    statement_hash  CHAR(64)      NOT NULL,
    signature       VARCHAR(200)  NOT NULL,
    public_key      VARCHAR(130)  NOT NULL,
    key_fingerprint CHAR(64)      NOT NULL,
    tsa_token       TEXT,
    published_at    DATETIME(6)   NOT NULL,
    CONSTRAINT pk_published_head PRIMARY KEY (statement_date)
);
