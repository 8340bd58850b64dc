-- Owned by module notification: the signatures of the SMS gateway's callbacks admitted within the
-- replay window (rows older than twice the window are removed as new ones come), so that a replayed
-- callback is refused on every node. Holds no number and no text.
CREATE TABLE sms_gateway_callback (
    signature    VARCHAR(64)  NOT NULL,
    received_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_sms_gateway_callback PRIMARY KEY (signature)
);
CREATE INDEX ix_sms_gateway_callback_received ON sms_gateway_callback (received_at);
