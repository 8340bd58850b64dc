-- Owned by module security: one row that a starting node locks while it puts the engine's
-- authorizations and Tasklist's saved filters in place, so that nodes started together (after a
-- deployment or a power cut) do it one after the other instead of overwriting each other's rows.
CREATE TABLE security_start_lock (
    id  INT NOT NULL,
    CONSTRAINT pk_security_start_lock PRIMARY KEY (id)
);
INSERT INTO security_start_lock (id) VALUES (1);
