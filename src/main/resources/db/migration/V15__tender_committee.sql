-- Owned by module tender: what the expert draw needs from a tender (the organisations its
-- exclusions compare against, the tenderer's representatives), whether the pool is short of
-- experts, and the id of the expert draw (never who was drawn: the draw module keeps that).
ALTER TABLE tender ADD COLUMN tenderer VARCHAR(200);
ALTER TABLE tender ADD COLUMN project_code VARCHAR(64);
ALTER TABLE tender ADD COLUMN tenderer_representatives INT DEFAULT 0 NOT NULL;
ALTER TABLE tender ADD COLUMN expert_shortage_found BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE tender ADD COLUMN bidders_recorded_by VARCHAR(64);
ALTER TABLE tender ADD COLUMN bidders_recorded_at DATETIME(6);
ALTER TABLE tender ADD COLUMN expert_draw_id VARCHAR(36);
ALTER TABLE tender ADD COLUMN national_expert_draw_reference VARCHAR(64);

CREATE TABLE tender_bidder (
    tender_id  VARCHAR(36)  NOT NULL,
    seq_no     INT          NOT NULL,
    name       VARCHAR(200) NOT NULL,
    CONSTRAINT pk_tender_bidder PRIMARY KEY (tender_id, seq_no),
    CONSTRAINT fk_tender_bidder_tender FOREIGN KEY (tender_id) REFERENCES tender (id)
);
