-- Owned by module crossprovince (exchange): every message accepted from a partner, as received (its
-- sealed part stays sealed: only this province's key opens it), with the answer given, so that the same
-- message delivered again is answered the same and handled once.
CREATE TABLE exchange_inbox (
    sender          VARCHAR(8)     NOT NULL,
    message_id      VARCHAR(36)    NOT NULL,
    sequence_no     BIGINT         NOT NULL,
    message_type    VARCHAR(32)    NOT NULL,
    correlation_id  VARCHAR(64)    NOT NULL,
    received        TEXT           NOT NULL,
    answer          VARCHAR(1000)  NOT NULL,
    received_at     DATETIME(6)    NOT NULL,
    CONSTRAINT pk_exchange_inbox PRIMARY KEY (sender, message_id)
);
CREATE INDEX ix_exchange_inbox_order ON exchange_inbox (sender, sequence_no);
