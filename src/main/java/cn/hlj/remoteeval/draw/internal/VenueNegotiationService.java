package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderDispatch;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.SeatsUnavailable;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * The negotiation fallback (协商确定): after the supervisor confirmed it, the main venue's staff
 * enter the sub-venues they agreed with other centers; they are checked against the same spread
 * limits as a draw, booked, and recorded in the draw chain with who negotiated them and when.
 * The people negotiating necessarily see sub-venues: every such view is audited.
 */
@Service
class VenueNegotiationService {

    private static final Logger log = LoggerFactory.getLogger(VenueNegotiationService.class);

    private final Tenders tenders;
    private final TenderDispatch dispatch;
    private final SeatBookings seats;
    private final TradingCenters centers;
    private final NegotiatedVenueRecords records;
    private final SeatPlanLimits limits;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;

    VenueNegotiationService(Tenders tenders, TenderDispatch dispatch, SeatBookings seats, TradingCenters centers,
            NegotiatedVenueRecords records, SeatPlanLimits limits, AuditLog audit, CurrentActor actor, Clock clock) {
        this.tenders = tenders;
        this.dispatch = dispatch;
        this.seats = seats;
        this.centers = centers;
        this.records = records;
        this.limits = limits;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    record SubVenue(String centerCode, Integer seats) {
    }

    record Candidate(String centerCode, String name, int freeSeats) {
    }

    record Candidates(String tenderId, int committeeSize, int maxSeatsPerCenter, int minSubVenueCenters,
            List<Candidate> centers) {
    }

    record Negotiated(String tenderId, String recordId, String negotiatedBy, Instant negotiatedAt) {
    }

    record NegotiatedVenues(String tenderId, int mainVenueSeats, List<SubVenue> subVenues) {
    }

    /** Free seats at every other center for the tender's slot: what the staff negotiate with. */
    @Transactional
    Candidates candidates(String tenderId) {
        TenderFacts tender = negotiable(tenderId, false);
        Map<String, Integer> free = seats.freeSeats(tender.slot(), false);
        List<Candidate> list = new ArrayList<>();
        for (TradingCenter center : centers.all()) {
            if (!center.code().equals(tender.mainCenter())) {
                list.add(new Candidate(center.code(), center.name(), free.getOrDefault(center.code(), 0)));
            }
        }
        audit.append(clock.instant(), actor.userId(), "NEGOTIATION_CANDIDATES_VIEWED", VenueDrawService.AUDIT_SUBJECT,
                tenderId, null);
        return new Candidates(tenderId, tender.committeeSize(), limits.centerCap(tender.committeeSize()),
                limits.minSubVenueCenters(), list);
    }

    @Transactional
    Negotiated negotiate(String tenderId, Integer mainVenueSeats, List<SubVenue> subVenues) {
        TenderFacts tender = negotiable(tenderId, true);
        Map<String, Integer> plan = validatedPlan(tender, mainVenueSeats, subVenues);
        // Same lock order as the draw: slot, then the tender's earlier seats, then the free seats.
        seats.lockSlot(tender.slot());
        seats.release(tenderId);
        Map<String, Integer> free = seats.freeSeats(tender.slot(), false);
        try {
            seats.book(tenderId, BookingPurpose.NEGOTIATED, tender.slot(), plan, false);
        } catch (SeatsUnavailable e) {
            // The negotiators chose this center themselves; naming it tells them nothing new.
            throw ApiProblemException.conflict("交易中心 " + e.centerCode() + " 在该时段只有 " + e.free() + " 个空余评标工位，不足 "
                    + e.requested() + " 个，请重新协商。", null, null);
        }
        String by = actor.userId();
        DrawRecord record = records.record(tender, free, plan, by);
        dispatch.venuesNegotiated(tenderId, record.id(), by);
        audit.append(record.createdAt(), by, "VENUES_NEGOTIATED", VenueDrawService.AUDIT_SUBJECT, tenderId,
                "record=" + record.id());
        log.info("Tender {}: negotiated venues booked, record {}", tenderId, record.id());
        return new Negotiated(tenderId, record.id(), by, record.createdAt());
    }

    /** The negotiated venues, for the people who negotiated them; each view is audited. */
    @Transactional
    NegotiatedVenues negotiatedVenues(String tenderId) {
        TenderFacts tender = tenders.findVisibleToCaller(tenderId).orElseThrow(() -> ApiProblemException.notFound("标段不存在：" + tenderId));
        requireNegotiator(tender);
        Map<String, Integer> plan = records.latestPlan(tenderId)
                .orElseThrow(() -> ApiProblemException.notFound("该标段没有协商确定的副场。"));
        audit.append(clock.instant(), actor.userId(), "NEGOTIATED_VENUES_VIEWED", VenueDrawService.AUDIT_SUBJECT,
                tenderId, null);
        List<SubVenue> subVenues = new ArrayList<>();
        plan.forEach((center, count) -> {
            if (!center.equals(tender.mainCenter())) {
                subVenues.add(new SubVenue(center, count));
            }
        });
        return new NegotiatedVenues(tenderId, plan.getOrDefault(tender.mainCenter(), 0), subVenues);
    }

    /** Refuses to let the staff task be completed in Tasklist before the venues were entered here. */
    @Transactional(readOnly = true)
    void requireEntered(String tenderId) {
        TenderFacts tender = tenders.find(tenderId).orElseThrow();
        if (tender.state() == TenderState.NEGOTIATING_VENUES) {
            throw new IllegalStateException("尚未在调度系统中录入协商确定的副场，录入成功后本任务自动完成。");
        }
    }

    private TenderFacts negotiable(String tenderId, boolean entering) {
        TenderFacts tender = tenders.findVisibleToCaller(tenderId).orElseThrow(() -> ApiProblemException.notFound("标段不存在：" + tenderId));
        if (entering && !actor.isOperator() && !actor.isStaffOf(tender.mainCenter())) {
            throw ApiProblemException.forbidden("只能由主场交易中心（" + tender.mainCenter() + "）的工作人员录入协商确定的副场。");
        }
        requireNegotiator(tender);
        if (tender.state() != TenderState.NEGOTIATING_VENUES) {
            throw ApiProblemException.conflict("标段当前状态为“" + tender.state().label() + "”，只有经行政监督部门确认协商确定副场的标段才能协商录入副场。",
                    null, null);
        }
        return tender;
    }

    private void requireNegotiator(TenderFacts tender) {
        if (!actor.isOperator() && !actor.isStaffOf(tender.mainCenter()) && !actor.isSupervisorOf(tender.mainCenter())) {
            throw ApiProblemException.forbidden("副场信息保密，只有主场（" + tender.mainCenter() + "）负责协商的工作人员和行政监督部门可以查看。");
        }
    }

    private Map<String, Integer> validatedPlan(TenderFacts tender, Integer mainVenueSeats, List<SubVenue> subVenues) {
        List<FieldViolation> violations = new ArrayList<>();
        int cap = limits.centerCap(tender.committeeSize());
        if (mainVenueSeats == null || mainVenueSeats < 0) {
            violations.add(new FieldViolation("mainVenueSeats", "主场席位数应为 0 或正整数"));
        } else if (mainVenueSeats > cap) {
            violations.add(new FieldViolation("mainVenueSeats", "主场席位不得超过 " + cap + " 个（不得集中）"));
        }
        Map<String, Integer> plan = new TreeMap<>();
        if (subVenues == null || subVenues.isEmpty()) {
            violations.add(new FieldViolation("subVenues", "请录入协商确定的副场"));
        } else {
            for (int i = 0; i < subVenues.size(); i++) {
                SubVenue sub = subVenues.get(i);
                String field = "subVenues[" + i + "]";
                String code = sub == null || sub.centerCode() == null ? null : sub.centerCode().strip();
                if (code == null || code.isEmpty()) {
                    violations.add(new FieldViolation(field + ".centerCode", "请填写副场所在交易中心代码"));
                } else if (!centers.exists(code)) {
                    violations.add(new FieldViolation(field + ".centerCode", "交易中心代码不存在：" + code));
                } else if (code.equals(tender.mainCenter())) {
                    violations.add(new FieldViolation(field + ".centerCode", "副场不能设在主场交易中心"));
                } else if (plan.containsKey(code)) {
                    violations.add(new FieldViolation(field + ".centerCode", "同一交易中心只能录入一次"));
                }
                Integer count = sub == null ? null : sub.seats();
                if (count == null || count < 1) {
                    violations.add(new FieldViolation(field + ".seats", "席位数应为正整数"));
                } else if (count > cap) {
                    violations.add(new FieldViolation(field + ".seats", "每个交易中心的席位不得超过 " + cap + " 个（不得集中）"));
                }
                if (code != null && !code.isEmpty() && count != null) {
                    plan.merge(code, count, Integer::sum);
                }
            }
        }
        if (violations.isEmpty()) {
            Map<String, Integer> whole = new LinkedHashMap<>(plan);
            whole.put(tender.mainCenter(), mainVenueSeats);
            limits.breaches(tender.committeeSize(), tender.mainCenter(), whole)
                    .forEach(breach -> violations.add(new FieldViolation("subVenues", breach)));
            plan = whole;
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        plan.values().removeIf(count -> count == 0);
        return plan;
    }
}
