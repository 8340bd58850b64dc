-- Owned by module draw: the records of verifiable draws (venues now, experts later), append-only
-- and hash-chained. The application never updates or deletes a draw_record row; each row carries
-- the hash of the one before it, so that a changed or missing row is found by walking the chain.
-- The texts are the canonical encodings the hashes are computed over (see draw.internal).
CREATE TABLE draw_record (
    id                  VARCHAR(36)   NOT NULL,
    seq                 BIGINT        NOT NULL,
    kind                VARCHAR(24)   NOT NULL,
    tender_id           VARCHAR(64)   NOT NULL,
    algorithm           VARCHAR(40)   NOT NULL,
    seed_commitment     VARCHAR(64),
    eligible_list       MEDIUMTEXT    NOT NULL,
    eligible_list_hash  VARCHAR(64)   NOT NULL,
    request             MEDIUMTEXT    NOT NULL,
    result              MEDIUMTEXT    NOT NULL,
    actor               VARCHAR(64)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    previous_hash       VARCHAR(64)   NOT NULL,
    record_hash         VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_draw_record PRIMARY KEY (id),
    CONSTRAINT uk_draw_record_seq UNIQUE (seq)
);

CREATE INDEX ix_draw_record_tender ON draw_record (tender_id);

-- The secret half of a record, kept apart so that the record can be shown without it until the
-- evaluation ends: the seed of a random draw (a random salt for a record without one, e.g.
-- negotiated venues; the record hash covers the result keyed with it) and when it was revealed.
CREATE TABLE draw_seed (
    draw_id      VARCHAR(36)  NOT NULL,
    seed_hex     VARCHAR(64)  NOT NULL,
    revealed_at  DATETIME(6),
    CONSTRAINT pk_draw_seed PRIMARY KEY (draw_id)
);

-- One row: the end of the chain. Appenders lock it (SELECT ... FOR UPDATE), so that concurrent
-- appends on several nodes queue instead of forking the chain; the verifier compares it with the
-- last record, which finds a deleted last record.
CREATE TABLE draw_chain_head (
    id         INT          NOT NULL,
    last_seq   BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_draw_chain_head PRIMARY KEY (id)
);

INSERT INTO draw_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
