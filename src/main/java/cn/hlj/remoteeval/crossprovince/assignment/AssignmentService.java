package cn.hlj.remoteeval.crossprovince.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.hosting.HostingView;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.TenderDispatch;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.SeatsUnavailable;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * Accepts the partner province's plan for a cross-province tender whose main venue is here:
 * books the main venue's cross-province workstations, stores the plan, audits it and moves the
 * tender on, all in one transaction, so that a failure anywhere leaves nothing behind.
 */
@Service
@Transactional
class AssignmentService {

    static final String AUDIT_SUBJECT = "TENDER";
    static final String AUDIT_ACTION = "CROSS_PROVINCE_ASSIGNMENT_RECEIVED";

    private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

    private final Tenders tenders;
    private final TenderDispatch dispatch;
    private final SeatBookings bookings;
    private final AssignmentStore store;
    private final AuditLog audit;
    private final Clock clock;

    AssignmentService(Tenders tenders, TenderDispatch dispatch, SeatBookings bookings, AssignmentStore store,
            AuditLog audit, Clock clock) {
        this.tenders = tenders;
        this.dispatch = dispatch;
        this.bookings = bookings;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    AssignmentView receive(String tenderId, AssignmentRequest request, String receivedBy) {
        TenderFacts tender = tenders.find(tenderId)
                .orElseThrow(() -> ApiProblemException.notFound("标段不存在：" + tenderId));
        PartnerAssignment assignment = AssignmentValidator.validate(request, tender.committeeSize());
        if (tender.scope() != Scope.CROSS_PROVINCE) {
            throw ApiProblemException.conflict("该标段不实行跨省远程异地评标，不能接收合作省份的副场安排。", null, null);
        }
        if (tender.state() != TenderState.AWAITING_PARTNER_ASSIGNMENT || store.hasCurrent(tenderId)) {
            throw notWaiting(tender.state());
        }
        if (tender.slot().date().isBefore(LocalDate.now(clock))) {
            throw ApiProblemException.conflict("该标段的评标日期（" + tender.slot().date() + "）已过，请先调整评标时间。",
                    null, null);
        }

        if (assignment.mainVenueSeats() > 0) {
            try {
                bookings.book(tenderId, BookingPurpose.CROSS_PROVINCE_MAIN_VENUE, tender.slot(),
                        Map.of(tender.mainCenter(), assignment.mainVenueSeats()), true);
            } catch (SeatsUnavailable e) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "主场可用跨省评标工位不足",
                        "主场在 " + tender.slot().date() + " " + halfDayLabel(tender) + " 可用的跨省评标工位只有 " + e.free()
                                + " 个，不足 " + e.requested() + " 个。请与合作省份调整席位安排后重新提交。",
                        List.of(new FieldViolation("mainVenueSeats", "主场可用跨省评标工位不足")));
            }
        }

        Instant receivedAt = clock.instant();
        try {
            store.insert(tenderId, assignment, receivedBy, receivedAt);
        } catch (DuplicateKeyException e) {
            throw notWaiting(null);
        }
        audit.append(receivedAt, receivedBy, AUDIT_ACTION, AUDIT_SUBJECT, tenderId,
                "partnerProvince=" + assignment.partnerProvince() + " mainVenueSeats=" + assignment.mainVenueSeats()
                        + " partnerSeats=" + assignment.subVenueSeats());
        try {
            dispatch.partnerAssignmentReceived(tenderId, receivedBy);
        } catch (OptimisticLockingFailureException | OptimisticLockingException e) {
            // A concurrent request moved the tender on after this one read it.
            throw notWaiting(null);
        }
        log.info("Cross-province assignment accepted for tender {}", tenderId);
        return new AssignmentView(tenderId, assignment.partnerProvince(), assignment.mainVenueSeats(), receivedAt);
    }

    /** What became of a partner's offer that arrived through the exchange. */
    enum OfferOutcome {
        ACCEPTED,
        /** The tender no longer waits for a plan (moved on, withdrawn, or another plan came first). */
        NOT_WAITING,
        /** The partner offered more seats than the committee has. */
        TOO_MANY_SEATS,
        /** The main venue lacks free cross-province workstations for its share. */
        MAIN_SEATS_SHORT
    }

    /**
     * A partner's offer through the exchange: the partner's sessions (opaque references, never its
     * centers) take their seats, the main venue the rest of the committee. Checks before it books, so
     * that an unusable offer changes nothing and the caller can tell the partner.
     */
    OfferOutcome acceptOffer(String tenderId, String partnerCode, List<PartnerAssignment.SubVenue> sessions,
            String receivedBy) {
        TenderFacts tender = tenders.find(tenderId).orElse(null);
        if (tender == null || tender.scope() != Scope.CROSS_PROVINCE
                || tender.state() != TenderState.AWAITING_PARTNER_ASSIGNMENT || store.hasCurrent(tenderId)) {
            return OfferOutcome.NOT_WAITING;
        }
        int partnerSeats = sessions.stream().mapToInt(PartnerAssignment.SubVenue::seats).sum();
        int mainSeats = tender.committeeSize() - partnerSeats;
        if (mainSeats < 0) {
            return OfferOutcome.TOO_MANY_SEATS;
        }
        if (mainSeats > 0) {
            bookings.lockSlot(tender.slot());
            if (bookings.freeSeats(tender.slot(), true).getOrDefault(tender.mainCenter(), 0) < mainSeats) {
                return OfferOutcome.MAIN_SEATS_SHORT;
            }
        }
        accept(tender, new PartnerAssignment(partnerCode, mainSeats, sessions), receivedBy);
        return OfferOutcome.ACCEPTED;
    }

    private void accept(TenderFacts tender, PartnerAssignment assignment, String receivedBy) {
        String tenderId = tender.id();
        if (assignment.mainVenueSeats() > 0) {
            bookings.book(tenderId, BookingPurpose.CROSS_PROVINCE_MAIN_VENUE, tender.slot(),
                    Map.of(tender.mainCenter(), assignment.mainVenueSeats()), true);
        }
        Instant receivedAt = clock.instant();
        store.insert(tenderId, assignment, receivedBy, receivedAt);
        audit.append(receivedAt, receivedBy, AUDIT_ACTION, AUDIT_SUBJECT, tenderId,
                "partnerProvince=" + assignment.partnerProvince() + " mainVenueSeats=" + assignment.mainVenueSeats()
                        + " partnerSeats=" + assignment.subVenueSeats());
        dispatch.partnerAssignmentReceived(tenderId, receivedBy);
        log.info("Cross-province assignment accepted for tender {} (through the exchange)", tenderId);
    }

    private static ApiProblemException notWaiting(TenderState state) {
        return ApiProblemException.conflict("该标段当前不在等待合作省份确定副场"
                + (state == null ? "" : "（当前状态：" + state.label() + "）") + "，不能接收副场安排。", null, null);
    }

    private static String halfDayLabel(TenderFacts tender) {
        return HostingView.halfDayLabel(tender.slot().halfDay());
    }
}
