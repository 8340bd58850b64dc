package cn.hlj.remoteeval.crossprovince.hosting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * A partner's tender hosted here, on and after its evaluation day (process {@value #PROCESS}): the
 * hosting center's staff do the sub-venue's duties (policy 七), the session's start and end go to the
 * partner as SESSION_STARTED / SESSION_ENDED, the signed report is announced as {@link HostedReportSigned},
 * incidents are handled here, and the A/V hand-over to the partner is due within 5 working days after
 * the session ended (policy 八). Everything is recorded by the hosting id; the partner by the session's
 * opaque code only.
 */
@Service
@Transactional
class HostedSessions {

    static final String PROCESS = "hosted-session";
    static final String AUDIT_SUBJECT = HostingService.AUDIT_SUBJECT;
    static final int MAX_DESCRIPTION = 2000;

    private static final Logger log = LoggerFactory.getLogger(HostedSessions.class);
    private static final ZoneId PROVINCE = ZoneId.of(RemoteEvalApplication.ZONE);

    /** The duties that are confirmations, by task, with the form field that confirms them (专家身份验证 is checked by HostedExpertSeats). */
    enum Duty {
        PrepareWorkstations("workstationsReady"),
        ConnectAudioVideo("audioVideoConnected"),
        ArrangeMealsAndLodging("mealsAndLodgingArranged");

        final String confirmation;

        Duty(String confirmation) {
            this.confirmation = confirmation;
        }

        static Optional<Duty> of(String taskKey) {
            return Arrays.stream(values()).filter(d -> d.name().equals(taskKey)).findFirst();
        }
    }

    /** What may happen at a hosted session; the values are the incident form's select values. */
    enum IncidentKind {
        EQUIPMENT_FAILURE, AUDIO_VIDEO_INTERRUPTED, EXPERT_UNWELL, DISCIPLINE_VIOLATION, SITE_SAFETY, OTHER;

        static Optional<IncidentKind> parse(Object value) {
            return value == null ? Optional.empty()
                    : Arrays.stream(values()).filter(k -> k.name().equals(value.toString().strip())).findFirst();
        }
    }

    private final HostingStore hostings;
    private final SeatBookings bookings;
    private final ExchangeOutbox outbox;
    private final Deadlines deadlines;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    HostedSessions(HostingStore hostings, SeatBookings bookings, ExchangeOutbox outbox, Deadlines deadlines,
            PersonalDataCipher cipher, ApplicationEventPublisher events, JdbcClient jdbc, AuditLog audit, ObjectMapper json,
            Clock clock) {
        this.hostings = hostings;
        this.bookings = bookings;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.cipher = cipher;
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The variables the hosted session's process starts with: ids, the session's opaque code and the slot;
     * never the hosting center (its tasks go to the session's anonymous group) nor an expert.
     */
    @Transactional(readOnly = true)
    Map<String, Object> processVariables(String hostingId) {
        PartnerHosting hosting = require(hostingId);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(HostedSessionVariables.HOSTING_ID, hosting.id());
        variables.put(HostedSessionVariables.SESSION_CODE, sessionOf(hosting));
        variables.put(HostedSessionVariables.EVALUATION_DATE, hosting.slot().date().toString());
        variables.put(HostedSessionVariables.HALF_DAY, hosting.slot().halfDay().name());
        return variables;
    }

    /** A confirmation duty (workstations, A/V link, meals and lodging, identities) done: its box must be ticked. */
    void dutyDone(String hostingId, String taskKey, Function<String, Object> form, String actor) {
        Duty duty = Duty.of(taskKey).orElseThrow(() -> new IllegalStateException("no hosted duty " + taskKey));
        if (!Boolean.TRUE.equals(form.apply(duty.confirmation))) {
            throw new IllegalArgumentException("请确认本项职责已完成后再提交");
        }
        requireActive(hostingId);
        audit.append(clock.instant(), actor, "HOSTED_SESSION_DUTY_DONE", AUDIT_SUBJECT, hostingId, "duty=" + duty.name());
    }

    /** 场次开始: the session opened here; the partner is told by the session's code. */
    Instant opened(String hostingId, Object confirmed, String actor) {
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new IllegalArgumentException("请确认本场次评标已开始后再提交");
        }
        PartnerHosting hosting = requireActive(hostingId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        row(hostingId);
        if (jdbc.sql("UPDATE hosted_session SET started_at = ?, started_by = ? WHERE hosting_id = ? AND started_at IS NULL")
                .params(Timestamp.from(now), actor, hostingId).update() == 0) {
            throw new IllegalArgumentException("本场次已登记开始，不能重复登记");
        }
        ObjectNode body = json.createObjectNode();
        body.put("sessionRef", sessionOf(hosting));
        body.put("startedAt", now.toString());
        outbox.send(hosting.partnerProvince(), MessageType.SESSION_STARTED, hosting.partnerTenderRef(), body, null);
        audit.append(now, actor, "HOSTED_SESSION_STARTED", AUDIT_SUBJECT, hostingId, "startedAt=" + now);
        return now;
    }

    /** 评标报告签署: every expert seated here signed; announced as {@link HostedReportSigned} in this transaction. */
    Instant reportSigned(String hostingId, Object signed, String actor) {
        if (!Boolean.TRUE.equals(signed)) {
            throw new IllegalArgumentException("请确认本场次在席专家已签署评标报告后再提交");
        }
        requireActive(hostingId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        row(hostingId);
        if (jdbc.sql("UPDATE hosted_session SET report_signed_at = ?, report_signed_by = ? WHERE hosting_id = ? "
                + "AND report_signed_at IS NULL").params(Timestamp.from(now), actor, hostingId).update() == 0) {
            throw new IllegalArgumentException("本场次评标报告已登记签署，不能重复登记");
        }
        audit.append(now, actor, "HOSTED_REPORT_SIGNED", AUDIT_SUBJECT, hostingId, "signedAt=" + now);
        events.publishEvent(new HostedReportSigned(hostingId, now));
        return now;
    }

    /**
     * 场次结束: the session ended here; the partner is told, and the A/V hand-over's deadline (5 working
     * days, policy 八) starts from the day it ended.
     */
    DeadlineTicket closed(String hostingId, Object confirmed, String actor) {
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new IllegalArgumentException("请确认本场次评标已结束后再提交");
        }
        PartnerHosting hosting = requireActive(hostingId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        row(hostingId);
        if (jdbc.sql("UPDATE hosted_session SET ended_at = ?, ended_by = ? WHERE hosting_id = ? AND ended_at IS NULL")
                .params(Timestamp.from(now), actor, hostingId).update() == 0) {
            throw new IllegalArgumentException("本场次已登记结束，不能重复登记");
        }
        ObjectNode body = json.createObjectNode();
        body.put("sessionRef", sessionOf(hosting));
        body.put("endedAt", now.toString());
        outbox.send(hosting.partnerProvince(), MessageType.SESSION_ENDED, hosting.partnerTenderRef(), body, null);
        DeadlineTicket ticket = deadlines.open(DeadlineKind.AV_HANDOVER_TO_MAIN, hostingId, hostingId,
                LocalDate.ofInstant(now, PROVINCE));
        jdbc.sql("UPDATE hosted_session SET handover_deadline_id = ? WHERE hosting_id = ?").params(ticket.id(), hostingId).update();
        audit.append(now, actor, "HOSTED_SESSION_ENDED", AUDIT_SUBJECT, hostingId, "endedAt=" + now);
        return ticket;
    }

    /** The session's A/V material went to the partner (task or workbench page): its deadline is met. */
    void materialHandedOver(String hostingId) {
        deadlineOf(hostingId).ifPresent(deadlines::complete);
    }

    /** What the provincial center's supervisors did about an overdue hand-over; the values are the form's select values. */
    enum SupervisionAction {
        URGED("已督促限期办理"), INTERVIEWED("已约谈相关责任人"), RECORDED("已记录在案，另行处理");

        final String label;

        SupervisionAction(String label) {
            this.label = label;
        }

        static Optional<SupervisionAction> parse(Object value) {
            return value == null ? Optional.empty()
                    : Arrays.stream(values()).filter(a -> a.name().equals(value.toString().strip())).findFirst();
        }
    }

    /**
     * 逾期移交督办 done by a supervisor of the provincial center: what was done, with the note encrypted (it
     * left the engine as a sealed field). The task stays a record; the hand-over itself is still the staff's.
     */
    String handoverSupervised(String hostingId, Object action, String note, String actor) {
        SupervisionAction chosen = SupervisionAction.parse(action).orElseThrow(() -> new IllegalArgumentException("请选择督办措施"));
        if (note != null && note.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("督办说明最多 " + MAX_DESCRIPTION + " 个字符");
        }
        require(hostingId);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO hosted_handover_supervision (id, hosting_id, deadline_id, action, note_cipher, supervised_by, "
                + "supervised_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, hostingId, deadlineOf(hostingId).orElse(null), chosen.name(),
                        note == null || note.isBlank() ? null : cipher.encrypt(note), actor, Timestamp.from(now))
                .update();
        audit.append(now, actor, "HOSTED_AV_HANDOVER_SUPERVISED", AUDIT_SUBJECT, hostingId, "action=" + chosen.name());
        return id;
    }

    /**
     * The hand-over's deadline reminded (audited: the staff's hand-over task is already in their list) or was
     * breached while the task waits (audited as the provincial center's 逾期移交督办 task opens).
     */
    void handoverOverdue(String hostingId, boolean breached) {
        audit.append(clock.instant(), CurrentActor.SYSTEM,
                breached ? "HOSTED_AV_HANDOVER_OVERDUE" : "HOSTED_AV_HANDOVER_REMINDED", AUDIT_SUBJECT, hostingId, null);
        if (breached) {
            log.warn("The A/V hand-over of hosting {} is overdue", hostingId);
        }
    }

    /**
     * 突发情况: recorded and handled by the hosting center's staff here. Message set 1 has no incident
     * message, so an incident stays local; the description is kept encrypted and audited without it.
     */
    String incident(String hostingId, Object kind, Object resolved, String description, String actor) {
        IncidentKind chosen = IncidentKind.parse(kind).orElseThrow(() -> new IllegalArgumentException("请选择突发情况类型"));
        if (description == null) {
            throw new IllegalArgumentException("突发情况描述不能为空");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("突发情况描述最多 " + MAX_DESCRIPTION + " 个字符");
        }
        requireActive(hostingId);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        boolean done = Boolean.TRUE.equals(resolved);
        jdbc.sql("INSERT INTO hosted_session_incident (id, hosting_id, kind, resolved, description_cipher, reported_by, "
                + "reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, hostingId, chosen.name(), done, cipher.encrypt(description), actor, Timestamp.from(now)).update();
        audit.append(now, actor, "HOSTED_SESSION_INCIDENT", AUDIT_SUBJECT, hostingId,
                "incident=" + id + " kind=" + chosen.name() + " resolved=" + done);
        return id;
    }

    private Optional<String> deadlineOf(String hostingId) {
        return jdbc.sql("SELECT handover_deadline_id FROM hosted_session WHERE hosting_id = ?").param(hostingId)
                .query(String.class).optional();
    }

    /** The session's row, made on its first recorded step. */
    private void row(String hostingId) {
        if (jdbc.sql("SELECT COUNT(*) FROM hosted_session WHERE hosting_id = ?").param(hostingId).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO hosted_session (hosting_id) VALUES (?)").param(hostingId).update();
        }
    }

    private PartnerHosting require(String hostingId) {
        return hostings.find(hostingId).orElseThrow(() -> new IllegalStateException("no hosting " + hostingId));
    }

    private PartnerHosting requireActive(String hostingId) {
        PartnerHosting hosting = require(hostingId);
        if (hosting.state() != HostingState.ACTIVE) {
            throw new IllegalArgumentException("该承接已取消");
        }
        return hosting;
    }

    private String sessionOf(PartnerHosting hosting) {
        return bookings.sessionCodeOf(hosting.id(), hosting.centerCode())
                .orElseThrow(() -> new IllegalStateException("hosting " + hosting.id() + " has no session"));
    }
}
