package cn.hlj.remoteeval.handover.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerSessions;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.evaluation.EvaluationRecords;
import cn.hlj.remoteeval.security.Groups;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * The A/V hand-overs of policy 八: each sub-venue hands its material to the main venue within the
 * term after the evaluation ends, the main venue hands everything to the tenderer within the term
 * after it received the last sub-venue's. The deadline module counts the working days; this
 * service opens, records and completes. Sub-venues appear by session code only: their centers are
 * asked from the venue module when a task needs a candidate group, and never kept.
 */
@Service
class HandoverService {

    static final String AUDIT_SUBJECT = "AV_HANDOVER";
    /** A clock on a staff PC may run a little ahead of the server's. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);
    /** How long a received hand-over stays in a center's list. */
    static final Duration RECENTLY_RECEIVED = Duration.ofDays(90);

    private final HandoverStore store;
    private final Deadlines deadlines;
    private final EvaluationRecords evaluations;
    private final SeatBookings bookings;
    private final PartnerSessions partnerSessions;
    private final AuditLog audit;
    private final Clock clock;

    HandoverService(HandoverStore store, Deadlines deadlines, EvaluationRecords evaluations, SeatBookings bookings,
            PartnerSessions partnerSessions, AuditLog audit, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.evaluations = evaluations;
        this.bookings = bookings;
        this.partnerSessions = partnerSessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens one hand-over per sub-venue session of the tender (every session but the main venue's),
     * counted from the day the evaluation ended. Idempotent: a retry answers the same ids.
     *
     * @return the hand-over ids, in session-code order (which says nothing about the centers)
     */
    @Transactional
    public List<String> openSubVenueHandovers(String tenderId, String mainCenter) {
        LocalDate evaluationEnd = evaluationEndDay(tenderId);
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        for (SeatBookings.VenueSession session : bookings.sessionsOf(tenderId)) {
            if (Objects.equals(session.centerCode(), mainCenter)) {
                continue;
            }
            ids.add(openOnce(tenderId, mainCenter, HandoverLeg.SUB_VENUE_TO_MAIN, session.sessionCode(), evaluationEnd,
                    now));
        }
        // A partner province's sessions (cross-province, plan fixed through the exchange): their material comes by message.
        for (PartnerSessions.PartnerSession session : partnerSessions.ofTender(tenderId)) {
            String id = openOnce(tenderId, mainCenter, HandoverLeg.SUB_VENUE_TO_MAIN, session.sessionRef(), evaluationEnd, now);
            partnerSessions.materialOf(tenderId, session.sessionRef()).ifPresent(material -> applyPartnerMaterial(id, material));
            ids.add(id);
        }
        audit.append(now, CurrentActor.SYSTEM, "AV_HANDOVERS_OPENED", AuditLog.TENDER_SUBJECT, tenderId,
                "评标结束日 " + evaluationEnd + "，副场音视频资料移交 " + ids.size() + " 项");
        return ids;
    }

    /**
     * Opens the main venue's hand-over to the tenderer, counted from the day the last sub-venue's
     * material was received, or from the evaluation's end when there was no sub-venue to wait for
     * (a cross-province tender whose sub-venues are in partner provinces).
     */
    @Transactional
    public String openTendererHandover(String tenderId, String mainCenter) {
        LocalDate startDay = store.ofTender(tenderId).stream()
                .filter(h -> h.leg() == HandoverLeg.SUB_VENUE_TO_MAIN && h.receivedAt() != null)
                .map(h -> h.receivedAt().atZone(FormValues.PROVINCE).toLocalDate()).max(Comparator.naturalOrder())
                .orElseGet(() -> evaluationEndDay(tenderId));
        return openOnce(tenderId, mainCenter, HandoverLeg.MAIN_TO_TENDERER, HandoverLeg.TENDERER_REF, startDay,
                clock.instant());
    }

    /** Opens the hand-over's deadline; a retry answers the deadline already opened. */
    @Transactional
    public DeadlineTicket openDeadline(String handoverId) {
        AvHandover handover = require(handoverId);
        if (handover.deadlineId() != null) {
            var opened = deadlines.find(handover.deadlineId());
            if (opened.isPresent()) {
                return opened.get();
            }
        }
        DeadlineTicket ticket = deadlines.open(handover.leg().deadlineKind(), handover.tenderId(), handover.id(),
                handover.startDay());
        store.deadlineOpened(handoverId, ticket.id(), ticket.dueDate());
        return ticket;
    }

    /** The center whose staff hand this material over; for a sub-venue, asked from the venue module and never kept. */
    /**
     * The engine group that hands the material over: a sub-venue's anonymous session group, or the
     * main venue's staff for the hand-over to the tenderer.
     */
    public String handingGroup(String handoverId) {
        AvHandover handover = require(handoverId);
        if (handover.leg() == HandoverLeg.MAIN_TO_TENDERER) {
            return Groups.staffOf(handover.mainCenter());
        }
        handingCenter(handoverId);
        return Groups.venueSession(handover.legRef());
    }

    public String handingCenter(String handoverId) {
        AvHandover handover = require(handoverId);
        if (handover.leg() == HandoverLeg.MAIN_TO_TENDERER) {
            return handover.mainCenter();
        }
        return bookings.centerOfSession(handover.legRef())
                .orElseThrow(() -> new IllegalStateException("No center hosts session " + handover.legRef()));
    }

    /** A sub-venue's staff handed the material over (task 移交音视频资料). */
    @Transactional
    public void recordHandedOver(String handoverId, HandoverForm form, String actor) {
        AvHandover handover = require(handoverId);
        if (handover.leg() != HandoverLeg.SUB_VENUE_TO_MAIN || handover.state() != HandoverState.AWAITING_HANDOVER) {
            throw new InvalidForm("该移交已登记，不能重复登记");
        }
        Checked checked = check(handover, form);
        store.handedOver(handoverId, HandoverState.HANDED_OVER, checked.medium(), checked.items(), actor,
                checked.handedAt(), null, clock.instant());
        audit.append(clock.instant(), actor, "AV_HANDED_OVER", AUDIT_SUBJECT, handoverId,
                "场次 " + handover.legRef() + "，" + checked.medium().label() + "，" + checked.items().size() + " 件");
    }

    /** Whether the hand-over's material comes from a partner province by message rather than from staff here. */
    public boolean fromPartner(String handoverId) {
        AvHandover handover = require(handoverId);
        return handover.leg() == HandoverLeg.SUB_VENUE_TO_MAIN
                && partnerSessions.ofTender(handover.tenderId()).stream().anyMatch(s -> s.sessionRef().equals(handover.legRef()));
    }

    /** Whether the material was handed over already (a partner's may arrive before the hand-over opens). */
    public boolean handedOver(String handoverId) {
        return require(handoverId).state() != HandoverState.AWAITING_HANDOVER;
    }

    /**
     * A partner's material for one of its sessions arrived: the hand-over, if open and waiting, is recorded as
     * handed over (as the partner stated it: medium, items with checksums, time). Answers the hand-over's id,
     * empty when it is not open yet (it is then applied when it opens).
     */
    @Transactional
    public java.util.Optional<String> partnerMaterialArrived(String tenderId, String sessionRef) {
        java.util.Optional<AvHandover> handover = store.find(tenderId, HandoverLeg.SUB_VENUE_TO_MAIN, sessionRef);
        if (handover.isEmpty()) {
            return java.util.Optional.empty();
        }
        partnerSessions.materialOf(tenderId, sessionRef).ifPresent(material -> applyPartnerMaterial(handover.get().id(), material));
        return java.util.Optional.of(handover.get().id());
    }

    private void applyPartnerMaterial(String handoverId, PartnerSessions.PartnerMaterial material) {
        AvHandover handover = require(handoverId);
        if (handover.state() != HandoverState.AWAITING_HANDOVER) {
            return;
        }
        Medium medium = switch (material.medium()) {
            case "ONLINE" -> Medium.PRIVATE_NETWORK;
            case "DISC" -> Medium.OPTICAL_DISC;
            default -> Medium.REMOVABLE_DISK;
        };
        List<SealedItem> items = material.items().stream().map(i -> new SealedItem(i.no(), i.fileName(), i.sha256())).toList();
        String actor = "exchange:" + material.partner();
        store.handedOver(handoverId, HandoverState.HANDED_OVER, medium, items, actor, material.handedAt(), null,
                clock.instant());
        audit.append(clock.instant(), actor, "AV_HANDED_OVER", AUDIT_SUBJECT, handoverId,
                "场次 " + handover.legRef() + "（合作省份 " + material.partner() + "，经跨省交换），" + medium.label() + "，"
                        + items.size() + " 件");
    }

    /** The main venue received and verified the material (task 确认接收): the deadline is met. */
    @Transactional
    public void recordReceipt(String handoverId, Object checksumsVerified, Object receivedAt, String actor) {
        AvHandover handover = require(handoverId);
        if (handover.state() != HandoverState.HANDED_OVER) {
            throw new InvalidForm(handover.state() == HandoverState.RECEIVED ? "该移交已确认接收，不能重复确认"
                    : "副场尚未登记移交，不能确认接收");
        }
        if (!FormValues.checked(checksumsVerified)) {
            throw new InvalidForm("请逐一核对文件的 SHA-256 校验值，全部一致后勾选“校验值已核对一致”；不一致的请退回副场重新移交");
        }
        Instant received = FormValues.instant(receivedAt, "接收时间");
        notInTheFuture(received, "接收时间");
        if (handover.handedAt() != null && received.isBefore(handover.handedAt())) {
            throw new InvalidForm("接收时间不能早于副场的移交时间");
        }
        store.received(handoverId, actor, received);
        complete(handover);
        if (fromPartner(handoverId)) {
            partnerSessions.receipted(handover.tenderId(), handover.legRef(), received, handover.itemCount());
        }
        audit.append(clock.instant(), actor, "AV_HANDOVER_RECEIVED", AUDIT_SUBJECT, handoverId,
                "场次 " + handover.legRef() + "，校验值已核对一致");
    }

    /** The main venue handed everything to the tenderer (task 移交招标人): the deadline is met. */
    @Transactional
    public void recordTendererHandover(String handoverId, HandoverForm form, String receiverName, String actor) {
        AvHandover handover = require(handoverId);
        if (handover.leg() != HandoverLeg.MAIN_TO_TENDERER || handover.state() != HandoverState.AWAITING_HANDOVER) {
            throw new InvalidForm("该移交已登记，不能重复登记");
        }
        Checked checked = check(handover, form);
        String receiver = FormValues.text(receiverName);
        if (receiver == null) {
            throw new InvalidForm("请填写招标人接收人姓名");
        }
        if (receiver.length() > 100) {
            throw new InvalidForm("招标人接收人姓名最多 100 个字符");
        }
        store.handedOver(handoverId, HandoverState.RECEIVED, checked.medium(), checked.items(), actor,
                checked.handedAt(), receiver, clock.instant());
        complete(handover);
        audit.append(clock.instant(), actor, "AV_HANDED_TO_TENDERER", AuditLog.TENDER_SUBJECT, handover.tenderId(),
                checked.medium().label() + "，" + checked.items().size() + " 件");
    }

    /** The deadline's reminder fired while the hand-over was still open. */
    @Transactional
    public void reminded(String handoverId) {
        AvHandover handover = require(handoverId);
        store.reminded(handoverId, clock.instant());
        audit.append(clock.instant(), CurrentActor.SYSTEM, "AV_HANDOVER_REMINDED", AUDIT_SUBJECT, handoverId,
                handover.leg().label() + "，应于 " + handover.dueDate() + " 前完成");
    }

    /** The deadline passed with the hand-over still open: the supervisor has been given the escalation. */
    @Transactional
    public void breached(String handoverId) {
        AvHandover handover = require(handoverId);
        store.breached(handoverId, clock.instant());
        audit.append(clock.instant(), CurrentActor.SYSTEM, "AV_HANDOVER_OVERDUE", AUDIT_SUBJECT, handoverId,
                handover.leg().label() + "逾期，已提交行政监督部门");
    }

    /** The supervisor's escalation form. */
    @Transactional
    public void supervised(String handoverId, Object action, String note, String actor) {
        AvHandover handover = require(handoverId);
        SupervisionAction chosen = SupervisionAction.parse(action)
                .orElseThrow(() -> new InvalidForm("请选择督办措施"));
        if (note != null && note.length() > 2000) {
            throw new InvalidForm("督办说明最多 2000 个字符");
        }
        store.supervised(new Supervision(UUID.randomUUID().toString(), AUDIT_SUBJECT, handoverId,
                handover.deadlineId(), actor, clock.instant(), chosen, note));
        audit.append(clock.instant(), actor, "AV_HANDOVER_SUPERVISED", AUDIT_SUBJECT, handoverId, chosen.label());
    }

    public AvHandover require(String handoverId) {
        return store.find(handoverId).orElseThrow(() -> new IllegalStateException("No hand-over " + handoverId));
    }

    public List<AvHandover> ofTender(String tenderId) {
        return store.ofTender(tenderId);
    }

    public List<SealedItem> items(String handoverId) {
        return store.items(handoverId);
    }

    /** The hand-overs a center's staff must make: its sub-venue sessions', and its tenders' to the tenderer. */
    public List<AvHandover> toBeHandedOverBy(String centerCode) {
        Instant since = clock.instant().minus(RECENTLY_RECEIVED);
        List<AvHandover> legs = new ArrayList<>();
        for (AvHandover handover : store.current(HandoverLeg.SUB_VENUE_TO_MAIN, since)) {
            if (bookings.centerOfSession(handover.legRef()).filter(centerCode::equals).isPresent()) {
                legs.add(handover);
            }
        }
        store.current(HandoverLeg.MAIN_TO_TENDERER, since).stream().filter(h -> centerCode.equals(h.mainCenter()))
                .forEach(legs::add);
        return legs;
    }

    private String openOnce(String tenderId, String mainCenter, HandoverLeg leg, String legRef, LocalDate startDay,
            Instant now) {
        return store.find(tenderId, leg, legRef).map(AvHandover::id).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            store.insert(new AvHandover(id, tenderId, mainCenter, leg, legRef, startDay, HandoverState.AWAITING_HANDOVER,
                    null, null, null, null, null, null, null, null, null, null, null, null, now));
            return id;
        });
    }

    private LocalDate evaluationEndDay(String tenderId) {
        return evaluations.endedAt(tenderId).map(at -> at.atZone(FormValues.PROVINCE).toLocalDate())
                .orElseThrow(() -> new IllegalStateException("The evaluation of tender " + tenderId + " has not ended"));
    }

    private void complete(AvHandover handover) {
        if (handover.deadlineId() != null) {
            deadlines.complete(handover.deadlineId());
        }
    }

    private Checked check(AvHandover handover, HandoverForm form) {
        Medium medium = Medium.parse(form.medium()).orElseThrow(() -> new InvalidForm("请选择移交介质"));
        int itemCount = FormValues.count(form.itemCount(), "件数");
        List<SealedItem> items = SealedItemList.parse(form.sealedItems(), itemCount);
        Instant handedAt = FormValues.instant(form.handedOverAt(), "移交时间");
        notInTheFuture(handedAt, "移交时间");
        if (handedAt.isBefore(handover.startDay().atStartOfDay(FormValues.PROVINCE).toInstant())) {
            throw new InvalidForm("移交时间不能早于 " + handover.startDay());
        }
        return new Checked(medium, items, handedAt);
    }

    private void notInTheFuture(Instant at, String label) {
        if (at.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            throw new InvalidForm(label + "不能晚于当前时间");
        }
    }

    /** What a hand-over form submitted, as read from the task. */
    record HandoverForm(Object medium, Object itemCount, String sealedItems, Object handedOverAt) {
    }

    private record Checked(Medium medium, List<SealedItem> items, Instant handedAt) {
    }
}
