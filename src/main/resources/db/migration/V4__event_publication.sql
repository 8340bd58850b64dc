-- Spring Modulith's event publication registry (spring-modulith-events-jdbc), so that an event
-- committed with its transaction reaches its listeners even across a restart.
-- Upper-case name: the registry queries EVENT_PUBLICATION, and MySQL table names are case-sensitive.
CREATE TABLE EVENT_PUBLICATION (
    ID                VARCHAR(36)   NOT NULL,
    LISTENER_ID       VARCHAR(512)  NOT NULL,
    EVENT_TYPE        VARCHAR(512)  NOT NULL,
    SERIALIZED_EVENT  VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE  DATETIME(6)   NOT NULL,
    COMPLETION_DATE   DATETIME(6),
    CONSTRAINT pk_event_publication PRIMARY KEY (ID)
);

CREATE INDEX ix_event_publication_completion ON EVENT_PUBLICATION (COMPLETION_DATE);
