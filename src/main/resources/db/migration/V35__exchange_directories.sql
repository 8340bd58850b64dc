-- Owned by module crossprovince (directory): the shared directories of policy 三 and 四 (the expert
-- pool's and the cross-province workstations'), counts only, never a name.

-- Each partner's latest complete directory of each kind (EXPERT, WORKSTATION), as received: entries is
-- the JSON array of the message set's entries (all parts joined), replaced when a newer one arrives.
CREATE TABLE partner_directory (
    partner      VARCHAR(8)    NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    as_of        DATETIME(6)   NOT NULL,
    entries      MEDIUMTEXT    NOT NULL,
    message_id   VARCHAR(36)   NOT NULL,
    received_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_partner_directory PRIMARY KEY (partner, kind),
    CONSTRAINT ck_partner_directory_kind CHECK (kind IN ('EXPERT', 'WORKSTATION'))
);

-- A directory that comes in several messages (an expert directory of more than one message's worth of
-- entries): its parts until the last one arrives; then they are joined into partner_directory and removed.
CREATE TABLE partner_directory_part (
    partner      VARCHAR(8)    NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    part         INT           NOT NULL,
    parts        INT           NOT NULL,
    as_of        DATETIME(6)   NOT NULL,
    entries      TEXT          NOT NULL,
    received_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_partner_directory_part PRIMARY KEY (partner, kind, part),
    CONSTRAINT ck_partner_directory_part CHECK (part >= 1 AND part <= parts)
);

-- What this province last published to each partner, per kind: the content's SM3 hash (entries only,
-- not asOf), so that an unchanged directory is not sent again; the row is also what keeps two nodes
-- publishing at once from sending it twice (a conditional update decides).
CREATE TABLE directory_publication (
    partner       VARCHAR(8)    NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    content_hash  VARCHAR(64)   NOT NULL,
    as_of         DATETIME(6)   NOT NULL,
    parts         INT           NOT NULL,
    published_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_directory_publication PRIMARY KEY (partner, kind),
    CONSTRAINT ck_directory_publication_kind CHECK (kind IN ('EXPERT', 'WORKSTATION'))
);
