-- The monthly report's figures are recounted from each module's own table for a month at every
-- request; on a year of a large province these range scans need an index on the instant they filter
-- on. Indexes only: each stays in the module that owns its table.

-- Module tender: registrations and written explanations filed in the month.
CREATE INDEX ix_tender_registered_at ON tender (registered_at);
CREATE INDEX ix_tender_explanation_filed_at ON tender (explanation_filed_at);

-- Module deadline: deadlines of a kind breached in the month.
CREATE INDEX ix_deadline_kind_breached ON deadline (kind, breached_at);

-- Module draw: draws run in the month.
CREATE INDEX ix_draw_record_created ON draw_record (created_at);

-- Module evaluation: evaluation days ended in the month.
CREATE INDEX ix_evaluation_day_ended ON evaluation_day (ended_at);

-- Module handover: legs received (from a sub-venue) or handed over (to the tenderer) in the month.
CREATE INDEX ix_av_handover_received ON av_handover (leg, received_at);
CREATE INDEX ix_av_handover_handed ON av_handover (leg, handed_at);

-- Module venue: the centers of the sessions whose hand-overs are counted, looked up by session code.
CREATE INDEX ix_workstation_booking_session ON workstation_booking (session_code);
