-- Owned by module crossprovince (exchange): the message ids accepted from each partner, so that a
-- replayed message is refused on every node however long after; and every refused envelope, for the
-- operators (never its body: a refused message's content is not trusted and may hold names).
CREATE TABLE exchange_seen_message (
    sender       VARCHAR(8)   NOT NULL,
    message_id   VARCHAR(36)  NOT NULL,
    received_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_exchange_seen_message PRIMARY KEY (sender, message_id)
);

CREATE TABLE exchange_refusal (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    message_id      VARCHAR(64),
    claimed_sender  VARCHAR(16),
    reason          VARCHAR(24)    NOT NULL,
    detail          VARCHAR(1000),
    refused_at      DATETIME(6)    NOT NULL,
    CONSTRAINT pk_exchange_refusal PRIMARY KEY (id)
);
CREATE INDEX ix_exchange_refusal_at ON exchange_refusal (refused_at);

-- The partner's SM2 public key (uncompressed point, hex), entered by an operator after the key exchange.
ALTER TABLE partner_province ADD COLUMN exchange_public_key VARCHAR(200);
