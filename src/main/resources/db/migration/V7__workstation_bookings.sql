-- Owned by module venue: seats booked per workstation and slot. The unique constraint, not the
-- slot lock, is what makes a double booking impossible on any number of nodes.
-- holder_ref is a tender id or a hosting id; it never leaves the module in a sub-venue's view.
CREATE TABLE workstation_booking (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    workstation_id  BIGINT        NOT NULL,
    eval_date       DATE          NOT NULL,
    half_day        VARCHAR(2)    NOT NULL,
    holder_ref      VARCHAR(64)   NOT NULL,
    purpose         VARCHAR(32)   NOT NULL,
    session_code    VARCHAR(16)   NOT NULL,
    booked_at       DATETIME(6)   NOT NULL,
    CONSTRAINT pk_workstation_booking PRIMARY KEY (id),
    CONSTRAINT uk_workstation_booking UNIQUE (workstation_id, eval_date, half_day),
    CONSTRAINT fk_workstation_booking_workstation FOREIGN KEY (workstation_id) REFERENCES workstation (id)
);

CREATE INDEX ix_workstation_booking_holder ON workstation_booking (holder_ref);
CREATE INDEX ix_workstation_booking_slot ON workstation_booking (eval_date, half_day);

-- One row per slot ever booked; concurrent bookers of a slot queue on SELECT ... FOR UPDATE of it.
CREATE TABLE booking_slot_lock (
    eval_date       DATE          NOT NULL,
    half_day        VARCHAR(2)    NOT NULL,
    CONSTRAINT pk_booking_slot_lock PRIMARY KEY (eval_date, half_day)
);
