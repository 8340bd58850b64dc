-- Owned by module crossprovince (exchange): delivery. The outbox keeps every message for a partner from
-- the moment the business step that caused it commits (same transaction) until the partner answered;
-- the body is the readable part, the sealed part is already encrypted for the receiver, and the
-- signature is made at each attempt (the envelope's time must be fresh when it arrives).
CREATE TABLE exchange_outbox (
    message_id       VARCHAR(36)    NOT NULL,
    receiver         VARCHAR(8)     NOT NULL,
    sequence_no      BIGINT         NOT NULL,
    message_type     VARCHAR(32)    NOT NULL,
    correlation_id   VARCHAR(64)    NOT NULL,
    body             TEXT           NOT NULL,
    sealed           TEXT,
    state            VARCHAR(16)    NOT NULL,
    attempts         INT            NOT NULL,
    next_attempt_at  DATETIME(6)    NOT NULL,
    claimed_by       VARCHAR(120),
    claimed_until    DATETIME(6),
    answer           VARCHAR(1000),
    last_error       VARCHAR(1000),
    created_at       DATETIME(6)    NOT NULL,
    queued_at        DATETIME(6)    NOT NULL,
    delivered_at     DATETIME(6),
    CONSTRAINT pk_exchange_outbox PRIMARY KEY (message_id),
    CONSTRAINT ux_exchange_outbox_sequence UNIQUE (receiver, sequence_no)
);
CREATE INDEX ix_exchange_outbox_state ON exchange_outbox (state, receiver, sequence_no);

-- Per partner: the last sequence number given to a message for it, and the last of its messages
-- handled here. Its row is the lock that keeps a partner's messages in order on every node.
CREATE TABLE exchange_peer_sequence (
    peer          VARCHAR(8)  NOT NULL,
    last_sent     BIGINT      NOT NULL,
    last_handled  BIGINT      NOT NULL,
    CONSTRAINT pk_exchange_peer_sequence PRIMARY KEY (peer)
);

-- Handling of what arrived: RECEIVED (waiting for its turn or a retry), HANDLED, FAILED (a dead
-- letter, for the operators), SKIPPED (an operator let the partner's later messages pass it).
ALTER TABLE exchange_inbox ADD COLUMN state VARCHAR(16) DEFAULT 'RECEIVED' NOT NULL;
ALTER TABLE exchange_inbox ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE exchange_inbox ADD COLUMN next_attempt_at DATETIME(6);
ALTER TABLE exchange_inbox ADD COLUMN handled_at DATETIME(6);
ALTER TABLE exchange_inbox ADD COLUMN last_error VARCHAR(1000);
-- A partner gives each sequence number once; the older index on the same columns stays (harmless).
CREATE UNIQUE INDEX ux_exchange_inbox_sequence ON exchange_inbox (sender, sequence_no);
CREATE INDEX ix_exchange_inbox_state ON exchange_inbox (state, sender);

-- Where a partner's node takes messages (https://…/exchange/v1/messages), entered with its key.
ALTER TABLE partner_province ADD COLUMN exchange_endpoint VARCHAR(300);
