-- Owned by module notification: the signatures of the voice platform's key-press callbacks admitted
-- within the replay window (rows older than twice the window are removed as new ones come), so that a
-- replayed callback is refused on every node. Its own table: each gateway prunes by its own window.
CREATE TABLE voice_gateway_callback (
    signature    VARCHAR(64)  NOT NULL,
    received_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_voice_gateway_callback PRIMARY KEY (signature)
);
CREATE INDEX ix_voice_gateway_callback_received ON voice_gateway_callback (received_at);
