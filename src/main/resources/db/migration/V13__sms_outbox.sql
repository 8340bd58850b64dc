-- Owned by module notification: SMS messages waiting to be sent, being sent, sent or given up.
-- The mobile and the text are stored encrypted (security.PersonalDataCipher); no other column
-- holds personal data, last_error included (it carries a status or an exception type only).
-- A message is claimed by one dispatcher at a time through a conditional UPDATE on state and
-- attempts (each claim increments attempts, so it doubles as the version); a claim whose node
-- died expires at claimed_until and the message is taken over.
CREATE TABLE sms_outbox (
    id                  VARCHAR(36)    NOT NULL,
    idempotency_key     VARCHAR(128)   NOT NULL,
    mobile_enc          VARCHAR(512)   NOT NULL,
    text_enc            VARCHAR(4000)  NOT NULL,
    state               VARCHAR(16)    NOT NULL,
    attempts            INT            NOT NULL,
    next_attempt_at     DATETIME(6)    NOT NULL,
    claimed_by          VARCHAR(100),
    claimed_until       DATETIME(6),
    last_error          VARCHAR(200),
    gateway_message_id  VARCHAR(128),
    created_at          DATETIME(6)    NOT NULL,
    sent_at             DATETIME(6),
    CONSTRAINT pk_sms_outbox PRIMARY KEY (id),
    CONSTRAINT uk_sms_outbox_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT ck_sms_outbox_state CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED'))
);

CREATE INDEX ix_sms_outbox_due ON sms_outbox (state, next_attempt_at);
CREATE INDEX ix_sms_outbox_created ON sms_outbox (created_at);
