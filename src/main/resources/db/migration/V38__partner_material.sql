-- Owned by module crossprovince (assignment): the A/V material of a partner's sub-venue session of a
-- tender whose main venue is here, as the partner handed it over through the exchange (items with
-- their SHA-256, as JSON), and when this province sent its receipt.
CREATE TABLE partner_material (
    tender_id      VARCHAR(36)   NOT NULL,
    session_ref    VARCHAR(64)   NOT NULL,
    partner        VARCHAR(8)    NOT NULL,
    message_id     VARCHAR(36)   NOT NULL,
    medium         VARCHAR(16)   NOT NULL,
    handed_at      DATETIME(6)   NOT NULL,
    items          TEXT          NOT NULL,
    arrived_at     DATETIME(6)   NOT NULL,
    receipted_at   DATETIME(6),
    CONSTRAINT pk_partner_material PRIMARY KEY (tender_id, session_ref)
);

-- Owned by module crossprovince (hosting): this province as sub-venue hands a hosted session's A/V
-- material over to the partner (the main venue) through the exchange, and the partner's receipt.
CREATE TABLE hosting_handover (
    hosting_id     VARCHAR(36)   NOT NULL,
    message_id     VARCHAR(36)   NOT NULL,
    medium         VARCHAR(16)   NOT NULL,
    handed_at      DATETIME(6)   NOT NULL,
    item_count     INT           NOT NULL,
    items          TEXT          NOT NULL,
    handed_by      VARCHAR(64)   NOT NULL,
    recorded_at    DATETIME(6)   NOT NULL,
    receipted_at   DATETIME(6),
    received_count INT,
    CONSTRAINT pk_hosting_handover PRIMARY KEY (hosting_id)
);
