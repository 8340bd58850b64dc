-- Census of a chaos run (bench/run-chaos.sh), read from the tables of remote_eval_chaos once both nodes
-- are stopped. The script sets @now (business time: wall clock + the run's clock offset, as the nodes
-- saw it) and fills chaos_ack with the tenders whose registration the API acknowledged.
-- Every row is "metric <TAB> value"; the script prints them as the figures table. A metric whose name
-- starts with "LOST" or "DOUBLED" must be 0 (the script exits non-zero otherwise); "stuck" and
-- "missing" rows are findings too, explained in the detail lines below them.

-- Tenders ---------------------------------------------------------------------------------------------
SELECT 'tenders acknowledged by the API', COUNT(*) FROM chaos_ack;
SELECT '  of which answered 201 / found after a lost answer (409)',
       CONCAT(SUM(how = '201'), ' / ', SUM(how = '409')) FROM chaos_ack;
SELECT 'LOST tenders (acknowledged, absent)', COUNT(*) FROM chaos_ack a LEFT JOIN tender t ON t.id = a.id WHERE t.id IS NULL;
SELECT 'tenders in the table not acknowledged', COUNT(*) FROM tender t LEFT JOIN chaos_ack a ON a.id = t.id WHERE a.id IS NULL;
SELECT 'DOUBLED tenders (section code twice)', COUNT(*) FROM (SELECT section_code FROM tender GROUP BY section_code HAVING COUNT(*) > 1) d;
SELECT 'tenders HANDED_OVER (expected: all)', COUNT(*) FROM tender t JOIN chaos_ack a ON a.id = t.id WHERE t.state = 'HANDED_OVER';
SELECT 'stuck tenders (not HANDED_OVER)', COUNT(*) FROM tender t JOIN chaos_ack a ON a.id = t.id WHERE t.state <> 'HANDED_OVER';
SELECT CONCAT('  stuck in ', state), COUNT(*) FROM tender t JOIN chaos_ack a ON a.id = t.id
 WHERE t.state <> 'HANDED_OVER' GROUP BY state;

-- Draws -----------------------------------------------------------------------------------------------
SELECT 'venue draws', COUNT(*) FROM draw_record WHERE kind = 'VENUE';
SELECT 'DOUBLED venue draws (tenders with more than one)', COUNT(*)
  FROM (SELECT tender_id FROM draw_record WHERE kind = 'VENUE' GROUP BY tender_id HAVING COUNT(*) > 1) d;
SELECT 'missing venue draws (tenders without one)', COUNT(*) FROM chaos_ack a
 WHERE NOT EXISTS (SELECT 1 FROM draw_record d WHERE d.tender_id = a.id AND d.kind IN ('VENUE', 'NEGOTIATED_VENUES'));
SELECT 'negotiated venues (no random pick fitted)', COUNT(*) FROM draw_record WHERE kind = 'NEGOTIATED_VENUES';
SELECT 'expert draws (first + supplementary)', COUNT(*) FROM draw_record WHERE kind = 'EXPERT';
-- One first draw per tender and one supplementary draw per seat that stopped holding its expert before the day.
SELECT 'DOUBLED expert draws (more than 1 + replaced seats)', COUNT(*) FROM (
  SELECT a.id FROM chaos_ack a
   WHERE (SELECT COUNT(*) FROM draw_record d WHERE d.tender_id = a.id AND d.kind = 'EXPERT')
       > 1 + (SELECT COUNT(*) FROM committee_seat s WHERE s.tender_id = a.id AND s.state IN ('DECLINED', 'NO_ANSWER', 'NO_SHOW', 'EXCLUDED'))) d;
SELECT 'missing expert draws (fewer than 1 + replaced seats)', COUNT(*) FROM (
  SELECT a.id FROM chaos_ack a JOIN tender t ON t.id = a.id
   WHERE t.state NOT IN ('AWAITING_VENUE_DRAW', 'AWAITING_EXPERT_DRAW', 'REGISTERED')
     AND (SELECT COUNT(*) FROM draw_record d WHERE d.tender_id = a.id AND d.kind = 'EXPERT')
       < 1 + (SELECT COUNT(*) FROM committee_seat s WHERE s.tender_id = a.id AND s.state IN ('DECLINED', 'NO_ANSWER', 'NO_SHOW', 'EXCLUDED'))) d;

-- Bookings and seats ----------------------------------------------------------------------------------
SELECT 'workstation bookings', COUNT(*) FROM workstation_booking;
SELECT 'DOUBLED bookings (one workstation, one half-day)', COUNT(*)
  FROM (SELECT workstation_id FROM workstation_booking GROUP BY workstation_id, eval_date, half_day HAVING COUNT(*) > 1) d;
SELECT 'DOUBLED bookings (tenders with more than their committee)', COUNT(*) FROM (
  SELECT t.id FROM tender t JOIN workstation_booking b ON b.holder_ref = t.id GROUP BY t.id, t.committee_size
  HAVING COUNT(*) > t.committee_size) d;
SELECT 'missing bookings (tenders past the venue draw with fewer than their committee)', COUNT(*) FROM (
  SELECT t.id FROM tender t JOIN chaos_ack a ON a.id = t.id LEFT JOIN workstation_booking b ON b.holder_ref = t.id
   WHERE t.state NOT IN ('REGISTERED', 'AWAITING_VENUE_DRAW', 'AWAITING_NEGOTIATION_APPROVAL', 'NEGOTIATING_VENUES', 'WITHDRAWN')
   GROUP BY t.id, t.committee_size HAVING COUNT(b.id) < t.committee_size) d;
SELECT 'committee seats (rows: invited, replaced and held)', COUNT(*) FROM committee_seat;
SELECT 'DOUBLED seats (a seat number held twice in one tender)', COUNT(*) FROM (
  SELECT tender_id FROM committee_seat WHERE state IN ('INVITED', 'ACCEPTED') GROUP BY tender_id, seat_no HAVING COUNT(*) > 1) d;
SELECT 'DOUBLED experts (one expert held twice in one half-day)', COUNT(*) FROM (
  SELECT expert_ref FROM committee_seat WHERE state IN ('INVITED', 'ACCEPTED') GROUP BY expert_ref, eval_date, half_day HAVING COUNT(*) > 1) d;
SELECT 'missing seats (tenders evaluated without their full committee accepted)', COUNT(*) FROM (
  SELECT t.id FROM tender t JOIN chaos_ack a ON a.id = t.id LEFT JOIN committee_seat s ON s.tender_id = t.id AND s.state = 'ACCEPTED'
   WHERE t.state IN ('EVALUATING', 'HANDING_OVER', 'HANDED_OVER') GROUP BY t.id, t.committee_size HAVING COUNT(s.id) <> t.committee_size) d;
SELECT 'LOST expert answers (the expert answered, the seat still INVITED)', COUNT(*) FROM chaos_answered a
  JOIN committee_seat s ON s.id = a.seat_id WHERE s.state = 'INVITED';
SELECT 'seats by state', GROUP_CONCAT(CONCAT(state, ' ', n) ORDER BY state SEPARATOR ', ')
  FROM (SELECT state, COUNT(*) n FROM committee_seat GROUP BY state) s;

-- SMS ---------------------------------------------------------------------------------------------------
SELECT 'SMS in the outbox', COUNT(*) FROM sms_outbox;
SELECT 'SMS by state', GROUP_CONCAT(CONCAT(state, ' ', n) ORDER BY state SEPARATOR ', ')
  FROM (SELECT state, COUNT(*) n FROM sms_outbox GROUP BY state) s;
SELECT 'missing invitation SMS (seats without their outbox row)', COUNT(*) FROM committee_seat s
 WHERE NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.idempotency_key = CONCAT('invite:', s.id));
SELECT 'SMS not sent (PENDING, SENDING, FAILED)', COUNT(*) FROM sms_outbox WHERE state <> 'SENT';
SELECT 'SMS sent after more than one attempt', COUNT(*) FROM sms_outbox WHERE attempts > 1;

-- Evaluation day and hand-overs -------------------------------------------------------------------------
SELECT 'evaluation days ended', COUNT(*) FROM evaluation_day WHERE ended_at IS NOT NULL;
SELECT 'DOUBLED report signatures (a seat signed twice)', COUNT(*) FROM (
  SELECT tender_id FROM report_signature GROUP BY tender_id, seat_no HAVING COUNT(*) > 1) d;
SELECT 'hand-overs by leg and state', GROUP_CONCAT(CONCAT(leg, ' ', state, ' ', n) ORDER BY leg, state SEPARATOR ', ')
  FROM (SELECT leg, state, COUNT(*) n FROM av_handover GROUP BY leg, state) h;
SELECT 'missing hand-over legs (ended evaluations without a leg to the tenderer)', COUNT(*) FROM evaluation_day e
 WHERE e.ended_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM av_handover h WHERE h.tender_id = e.tender_id AND h.leg = 'MAIN_TO_TENDERER');
SELECT 'supervisions of overdue hand-overs', COUNT(*) FROM handover_supervision;

-- Deadlines ---------------------------------------------------------------------------------------------
SELECT 'deadlines by kind and state', GROUP_CONCAT(CONCAT(kind, ' ', state, ' ', n) ORDER BY kind, state SEPARATOR ', ')
  FROM (SELECT kind, state, COUNT(*) n FROM deadline GROUP BY kind, state) d;
SELECT 'reminders fired / breaches fired', CONCAT(SUM(reminded_at IS NOT NULL), ' / ', SUM(breached_at IS NOT NULL)) FROM deadline;
-- A firing is missing when its time had come before the duty was done (or before now) and it never happened;
-- a reminder overtaken by the breach (both due at once) is skipped by design.
SELECT 'missing breaches (due before completion or now, never fired)', COUNT(*) FROM deadline
 WHERE state <> 'CANCELLED' AND due_at IS NOT NULL AND breached_at IS NULL AND due_at < LEAST(COALESCE(completed_at, @now), @now);
SELECT 'missing reminders (due before completion or now, never fired, no breach)', COUNT(*) FROM deadline
 WHERE state <> 'CANCELLED' AND remind_at IS NOT NULL AND reminded_at IS NULL AND breached_at IS NULL
   AND remind_at < LEAST(COALESCE(completed_at, @now), @now);
SELECT 'DOUBLED firings (a deadline message received twice by its process)', COUNT(*) FROM (
  SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST
   WHERE ACT_ID_ IN ('DeadlineReminder', 'DeadlineBreached', 'ReportDeadlineReminder', 'ReportDeadlineBreached')
   GROUP BY PROC_INST_ID_, ACT_ID_ HAVING COUNT(*) > 1) d;
SELECT 'DOUBLED escalations (an overdue task raised twice for one wait)', COUNT(*) FROM (
  SELECT PROC_INST_ID_ FROM ACT_HI_TASKINST WHERE TASK_DEF_KEY_ IN ('EscalateOverdueHandover', 'EscalateLateMonthlyReport')
   GROUP BY PROC_INST_ID_, TASK_DEF_KEY_ HAVING COUNT(*) > 1) d;
SELECT 'deadline messages received (reminders / breaches)',
       CONCAT(SUM(ACT_ID_ LIKE '%Reminder'), ' / ', SUM(ACT_ID_ LIKE '%Breached')) FROM ACT_HI_ACTINST
 WHERE ACT_ID_ IN ('DeadlineReminder', 'DeadlineBreached', 'ReportDeadlineReminder', 'ReportDeadlineBreached');
SELECT 'open deadlines left with no Quartz trigger', COUNT(*) FROM deadline d
 WHERE d.state IN ('SCHEDULED', 'REMINDED')
   AND NOT EXISTS (SELECT 1 FROM QRTZ_TRIGGERS q WHERE q.TRIGGER_GROUP = 'deadline' AND q.TRIGGER_NAME LIKE CONCAT('%', d.id, '%'));
SELECT 'Quartz fired-trigger rows left (firings in progress when stopped)', COUNT(*) FROM QRTZ_FIRED_TRIGGERS;

-- Monthly report ----------------------------------------------------------------------------------------
SELECT 'monthly reviews started / submitted (late)', CONCAT((SELECT COUNT(*) FROM monthly_report_review), ' / ',
       (SELECT COUNT(*) FROM monthly_report_submission), ' (', (SELECT COALESCE(SUM(late), 0) FROM monthly_report_submission), ')');

-- Engine and events -------------------------------------------------------------------------------------
SELECT 'Camunda incidents open', COUNT(*) FROM ACT_RU_INCIDENT;
SELECT '  by type and activity', GROUP_CONCAT(CONCAT(INCIDENT_TYPE_, ' ', ACTIVITY_ID_, ' ', n) SEPARATOR ', ')
  FROM (SELECT INCIDENT_TYPE_, ACTIVITY_ID_, COUNT(*) n FROM ACT_RU_INCIDENT GROUP BY INCIDENT_TYPE_, ACTIVITY_ID_) i;
SELECT 'failed jobs (an exception recorded)', COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL OR EXCEPTION_STACK_ID_ IS NOT NULL;
SELECT 'jobs left (all kinds)', COUNT(*) FROM ACT_RU_JOB;
SELECT 'jobs still locked by a node', COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL;
SELECT 'process instances still running', GROUP_CONCAT(CONCAT(k, ' ', n) ORDER BY k SEPARATOR ', ')
  FROM (SELECT p.KEY_ k, COUNT(*) n FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF p ON p.ID_ = e.PROC_DEF_ID_
         WHERE e.PARENT_ID_ IS NULL GROUP BY p.KEY_) r;
SELECT 'event publications not completed', COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL;
SELECT '  by listener', GROUP_CONCAT(CONCAT(SUBSTRING_INDEX(LISTENER_ID, '.', -1), ' ', n) SEPARATOR ', ')
  FROM (SELECT LISTENER_ID, COUNT(*) n FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL GROUP BY LISTENER_ID) e;

-- Details of the stuck tenders (at most 40): state, open tasks, incidents and failed jobs of their instances.
SELECT CONCAT('detail stuck ', t.id, ' ', t.state, ' ', t.evaluation_date, ' ', t.half_day),
       CONCAT('tasks: ', COALESCE((SELECT GROUP_CONCAT(k.TASK_DEF_KEY_ SEPARATOR ' ') FROM ACT_RU_TASK k
                 JOIN ACT_RU_EXECUTION e ON e.ID_ = k.PROC_INST_ID_ WHERE e.BUSINESS_KEY_ = t.id), '-'),
              '; incidents: ', COALESCE((SELECT GROUP_CONCAT(CONCAT(i.INCIDENT_TYPE_, '@', i.ACTIVITY_ID_) SEPARATOR ' ')
                 FROM ACT_RU_INCIDENT i JOIN ACT_RU_EXECUTION e ON e.ID_ = i.PROC_INST_ID_ WHERE e.BUSINESS_KEY_ = t.id), '-'),
              '; jobs: ', COALESCE((SELECT GROUP_CONCAT(CONCAT(j.TYPE_, '@', COALESCE((SELECT jd.ACT_ID_ FROM ACT_RU_JOBDEF jd WHERE jd.ID_ = j.JOB_DEF_ID_), '?'), IF(j.EXCEPTION_MSG_ IS NULL, '', CONCAT(' failed: ', LEFT(j.EXCEPTION_MSG_, 120)))) SEPARATOR ' ')
                 FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_ WHERE e.BUSINESS_KEY_ = t.id), '-'),
              '; deadlines: ', COALESCE((SELECT GROUP_CONCAT(CONCAT(d.kind, ' ', d.state) SEPARATOR ', ') FROM deadline d WHERE d.tender_id = t.id), '-'))
  FROM tender t JOIN chaos_ack a ON a.id = t.id WHERE t.state <> 'HANDED_OVER' ORDER BY t.state, t.id LIMIT 40;
SELECT CONCAT('detail missing-firing ', id, ' ', kind, ' ', state),
       CONCAT('tender ', tender_id, ' remind_at ', COALESCE(remind_at, '-'), ' reminded_at ', COALESCE(reminded_at, '-'),
              ' due_at ', COALESCE(due_at, '-'), ' breached_at ', COALESCE(breached_at, '-'), ' completed_at ', COALESCE(completed_at, '-'))
  FROM deadline
 WHERE state <> 'CANCELLED' AND ((due_at IS NOT NULL AND breached_at IS NULL AND due_at < LEAST(COALESCE(completed_at, @now), @now))
    OR (remind_at IS NOT NULL AND reminded_at IS NULL AND breached_at IS NULL AND remind_at < LEAST(COALESCE(completed_at, @now), @now)))
 LIMIT 40;
SELECT CONCAT('detail lost-answer seat ', s.id), CONCAT('tender ', s.tender_id, ' seat ', s.seat_no, ' invited_at ', s.invited_at,
       ' SMS sent_at ', COALESCE(o.sent_at, '-'), ' by ', COALESCE(o.claimed_by, '-'))
  FROM chaos_answered a JOIN committee_seat s ON s.id = a.seat_id
  LEFT JOIN sms_outbox o ON o.idempotency_key = CONCAT('invite:', s.id) WHERE s.state = 'INVITED' LIMIT 20;
SELECT CONCAT('detail incident ', ID_, ' ', INCIDENT_TYPE_, ' ', COALESCE(ACTIVITY_ID_, '?')), LEFT(COALESCE(INCIDENT_MSG_, ''), 200)
  FROM ACT_RU_INCIDENT LIMIT 20;
SELECT CONCAT('detail event-publication ', ID), CONCAT(LISTENER_ID, ' ', EVENT_TYPE, ' published ', PUBLICATION_DATE)
  FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL LIMIT 20;
