package cn.hlj.remoteeval.draw.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.CommitteeRequirement;
import cn.hlj.remoteeval.tender.TenderDispatch;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The random expert draw (policy 五) and its supplementary draws (补抽), each in one transaction:
 * the slot is locked (the same lock as the venue draw, so concurrent draws for a half-day queue
 * and never see the same expert free), the pool's candidates are screened by the exclusion rules,
 * the draw runs ({@link ExpertDrawAlgorithm}), the seats are taken, the SMS queued, the tender moved
 * on, and the record appended to the chain with its seed kept apart.
 *
 * <p>Nothing here logs, audits or answers with an expert or a seat's venue: the record, sealed
 * until the evaluation ends, is the only place that says who was drawn.
 */
@Service
class ExpertDrawService {

    private static final Logger log = LoggerFactory.getLogger(ExpertDrawService.class);

    private final Tenders tenders;
    private final TenderDispatch dispatch;
    private final SeatBookings venues;
    private final ExpertPool pool;
    private final ExclusionRules exclusions;
    private final ExpertDrawPolicy policy;
    private final ExpertDrawAlgorithm algorithm;
    private final CommitteeSeats seats;
    private final ExpertNotices notices;
    private final ExpertNoticeProperties noticeProperties;
    private final DrawChain chain;
    private final DrawNotices drawNotices;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final HostedExpertDrawService hosted;
    private final MeterRegistry meters;
    private final SecureRandom random = new SecureRandom();

    ExpertDrawService(Tenders tenders, TenderDispatch dispatch, SeatBookings venues, ExpertPool pool,
            ExclusionRules exclusions, ExpertDrawPolicy policy, ExpertDrawAlgorithm algorithm, CommitteeSeats seats,
            ExpertNotices notices, ExpertNoticeProperties noticeProperties, DrawChain chain, DrawNotices drawNotices,
            AuditLog audit, CurrentActor actor, Clock clock, HostedExpertDrawService hosted, MeterRegistry meters) {
        this.tenders = tenders;
        this.dispatch = dispatch;
        this.venues = venues;
        this.pool = pool;
        this.exclusions = exclusions;
        this.policy = policy;
        this.algorithm = algorithm;
        this.seats = seats;
                this.noticeProperties = noticeProperties;
        this.chain = chain;
        this.notices = notices;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.drawNotices = drawNotices;
        this.hosted = hosted;
        this.meters = meters;
    }

    /** What the lifecycle may know of a draw: whether it filled the committee, its record, and counts. */
    record DrawSummary(boolean drawn, String drawId, int seatCount) {
    }

    /**
     * Draws the whole committee for the seats of the tender's venue plan. The tenderer's
     * representatives sit at the main venue and are not drawn. For a cross-province tender whose partner
     * hosts some of the experts, only the main venue's expert seats are drawn here, for their share of
     * the specialties ({@link CommitteeRequirement#localShare}); with none, nothing is drawn.
     */
    @Transactional
    DrawSummary draw(String tenderId) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = DrawTimers.FAILED;
        try {
            DrawSummary summary = drawCommittee(tenderId);
            outcome = summary.drawId() == null ? (summary.drawn() ? DrawTimers.NOT_NEEDED : DrawTimers.NO_PLAN)
                    : summary.drawn() ? DrawTimers.DRAWN : DrawTimers.NO_RANDOM_PICK;
            return summary;
        } finally {
            sample.stop(expertDrawTimer("committee", outcome));
        }
    }

    private DrawSummary drawCommittee(String tenderId) {
        TenderFacts tender = tender(tenderId);
        CommitteeRequirement requirement = tenders.committeeRequirement(tenderId).orElseThrow();
        Slot slot = tender.slot();
        venues.lockSlot(slot);
        SortedMap<String, Integer> expertSeats = expertSeats(tender, requirement);
        SortedMap<String, Integer> quotas = new TreeMap<>(requirement.expertCountBySpecialty());
        if (expertSeats != null && partnerHostsExperts(tender, requirement, expertSeats)) {
            // Cross-province through the exchange: the partner draws the rest for its seats, under the same split.
            int local = total(expertSeats);
            quotas = new TreeMap<>(requirement.localShare(local));
            if (local == 0) {
                dispatch.noExpertSeatsHere(tenderId);
                audit.append(clock.instant(), actor.userId(), "EXPERT_DRAW_NOT_NEEDED", VenueDrawService.AUDIT_SUBJECT,
                        tenderId, "localExpertSeats=0");
                log.info("Tender {}: no expert seat at the main venue, nothing to draw here", tenderId);
                return new DrawSummary(true, null, 0);
            }
        }
        if (expertSeats == null) {
            // More tenderer's representatives than main-venue seats: there is no plan to draw into.
            dispatch.expertDrawFailed(tenderId, null);
            audit.append(clock.instant(), actor.userId(), "EXPERT_DRAW_NO_PLAN", VenueDrawService.AUDIT_SUBJECT, tenderId,
                    "tendererRepresentatives=" + requirement.tendererRepresentatives());
            log.info("Tender {}: the main venue has fewer seats than the tenderer's representatives", tenderId);
            return new DrawSummary(false, null, 0);
        }
        String drawId = UUID.randomUUID().toString();
        Noticed noticed = drawNotices.announce(DrawKind.EXPERT, tenderId);
        ExclusionRules.Screening screening = screen(requirement, tender, quotas.keySet());
        List<ExpertCandidate> eligible = screening.eligible();
        ExpertDrawRequest request = new ExpertDrawRequest(requirement.committeeSize(), tender.mainCenter(),
                policy.mainCityCap(requirement.committeeSize()), 0, policy.locality(), slot, expertSeats, quotas);
        DerivedSeed seed = drawNotices.seedAfterSnapshot(noticed, clock.instant());
        ExpertDrawOutcome outcome = algorithm.draw(seed.stream(), request, eligible(eligible));
        seats.recordExclusions(drawId, screening.exclusions());
        take(tender, requirement, drawId, outcome.seats(), eligible);
        if (outcome.drawn()) {
            dispatch.expertsDrawn(tenderId, drawId);
        } else {
            dispatch.expertDrawFailed(tenderId, drawId);
        }
        audit.append(clock.instant(), actor.userId(), outcome.drawn() ? "EXPERT_DRAW_COMPLETED" : "EXPERT_DRAW_NO_RANDOM_PICK",
                VenueDrawService.AUDIT_SUBJECT, tenderId, "drawId=" + drawId + ", experts=" + outcome.seats().size());
        // Appended last: the chain head is one lock for the whole province, held until commit.
        chain.append(new NewDraw(drawId, DrawKind.EXPERT, tenderId, ExpertDrawAlgorithm.ID_V2, seed.commitment(),
                ExpertEligibleList.encode(eligible), request.canonical(), outcome.canonical(), actor.userId()).noticed(seed),
                seed.serverSeed());
        log.info("Tender {}: expert draw {} {}", tenderId, drawId,
                outcome.drawn() ? "invited " + outcome.seats().size() + " experts" : "could not fill the committee");
        return new DrawSummary(outcome.drawn(), drawId, outcome.seats().size());
    }

    /**
     * The supplementary draw (补抽) for one seat whose invitation ended: under the same rules, for
     * the same venue and specialty, never anyone drawn for this tender before. An invitation still
     * waiting is the timer's case: it ends as unanswered first.
     *
     * @return whether a new expert was invited for the seat
     */
    @Transactional
    boolean replace(String tenderId, int seatNo) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = DrawTimers.FAILED;
        try {
            boolean drawn = drawSupplementary(tenderId, seatNo);
            outcome = drawn ? DrawTimers.DRAWN : DrawTimers.NO_RANDOM_PICK;
            return drawn;
        } finally {
            sample.stop(expertDrawTimer("supplementary", outcome));
        }
    }

    private Timer expertDrawTimer(String kind, String outcome) {
        return DrawTimers.timer(meters, DrawTimers.EXPERT_DRAW, "an expert draw of one tender", "kind", kind, "outcome",
                outcome);
    }

    private boolean drawSupplementary(String tenderId, int seatNo) {
        TenderFacts tender = tender(tenderId);
        CommitteeRequirement requirement = tenders.committeeRequirement(tenderId).orElseThrow();
        Slot slot = tender.slot();
        venues.lockSlot(slot);
        CommitteeSeat vacated = seats.latest(tenderId, seatNo)
                .orElseThrow(() -> new IllegalStateException("tender " + tenderId + " has no seat " + seatNo));
        Instant now = clock.instant();
        if (vacated.state() == SeatState.INVITED) {
            seats.end(vacated.id(), SeatState.NO_ANSWER, now, false);
        } else if (vacated.state() == SeatState.ACCEPTED) {
            throw new IllegalStateException("seat " + seatNo + " of tender " + tenderId + " is held by an expert who accepted");
        }
        Noticed noticed = drawNotices.announce(DrawKind.EXPERT, tenderId);
        List<CommitteeSeat> holding = seats.holding(tenderId);
        int mainCitySeated = (int) holding.stream().filter(s -> s.expertCity().equals(tender.mainCenter())).count();
        ExclusionRules.Screening screening = screen(requirement, tender, Set.of(vacated.specialty()));
        List<ExpertCandidate> eligible = screening.eligible();
        ExpertDrawRequest request = new ExpertDrawRequest(requirement.committeeSize(), tender.mainCenter(),
                policy.mainCityCap(requirement.committeeSize()), mainCitySeated, policy.locality(), slot,
                new TreeMap<>(Map.of(vacated.center(), 1)), new TreeMap<>(Map.of(vacated.specialty(), 1)));
        DerivedSeed seed = drawNotices.seedAfterSnapshot(noticed, clock.instant());
        ExpertDrawOutcome outcome = algorithm.draw(seed.stream(), request, eligible(eligible));
        String drawId = UUID.randomUUID().toString();
        seats.recordExclusions(drawId, screening.exclusions());
        List<DrawnSeat> renumbered = outcome.seats().stream()
                .map(s -> new DrawnSeat(seatNo, s.center(), s.specialty(), s.expertRef())).toList();
        take(tender, requirement, drawId, renumbered, eligible);
        chain.append(new NewDraw(drawId, DrawKind.EXPERT, tenderId, ExpertDrawAlgorithm.ID_V2, seed.commitment(),
                ExpertEligibleList.encode(eligible), request.canonical(), outcome.canonical(), actor.userId()).noticed(seed),
                seed.serverSeed());
        audit.append(now, actor.userId(), outcome.drawn() ? "EXPERT_SUPPLEMENTARY_DRAW_COMPLETED"
                : "EXPERT_SUPPLEMENTARY_DRAW_NO_RANDOM_PICK", VenueDrawService.AUDIT_SUBJECT, tenderId,
                "drawId=" + drawId + ", seat=" + seatNo + ", vacated=" + (vacated.state() == SeatState.INVITED
                        ? SeatState.NO_ANSWER : vacated.state()));
        log.info("Tender {}: supplementary draw {} for seat {} {}", tenderId, drawId, seatNo,
                outcome.drawn() ? "invited an expert" : "found no one");
        return outcome.drawn();
    }

    /** The answer of an invited expert, by the reply code of their SMS. */
    @Transactional
    AnswerOutcome answer(String replyCode, boolean accept) {
        return answer(ReplyCodes.isWellFormed(replyCode) ? seats.byTokenHash(ReplyCodes.hash(replyCode)) : Optional.empty(),
                "应答码无效，请核对短信中的应答码。", accept);
    }

    /** The key an invited expert pressed after the voice call, by the call's correlation (the seat's id). */
    @Transactional
    AnswerOutcome answerCall(String seatId, boolean accept) {
        return answer(seats.byId(seatId), "未找到该呼叫对应的邀请。", accept);
    }

    private AnswerOutcome answer(Optional<CommitteeSeat> invitation, String unknown, boolean accept) {
        CommitteeSeat seat = invitation.orElseThrow(() -> ApiProblemException.notFound(unknown));
        if (seat.state() != SeatState.INVITED) {
            throw ApiProblemException.conflict(seat.answeredAt() != null ? "该邀请已答复，无需重复答复。"
                    : "该邀请已失效（已超过答复时限或已取消），无需前往。", null, null);
        }
        if (hosted.hosts(seat)) {
            // A seat of a partner's session hosted here: no tender lifecycle waits for it.
            return hosted.answer(seat, accept);
        }
        Instant now = clock.instant();
        TenderFacts tender = tender(seat.tenderId());
        venues.lockSlot(seat.slot());
        if (!accept) {
            seats.end(seat.id(), SeatState.DECLINED, now, true);
            dispatch.expertAnswered(seat.tenderId(), seat.seatNo(), false, false);
            audit.append(now, CurrentActor.SYSTEM, "EXPERT_DECLINED", VenueDrawService.AUDIT_SUBJECT, seat.tenderId(),
                    "seat=" + seat.seatNo());
            return AnswerOutcome.DECLINED;
        }
        // Bidders may have become known since the draw (bid opening): re-checked at confirmation.
        if (conflicts(seat, tender)) {
            seats.end(seat.id(), SeatState.EXCLUDED, now, true);
            notices.cancel(seat);
            dispatch.expertAnswered(seat.tenderId(), seat.seatNo(), false, false);
            audit.append(now, CurrentActor.SYSTEM, "EXPERT_EXCLUDED_AT_CONFIRMATION", VenueDrawService.AUDIT_SUBJECT,
                    seat.tenderId(), "seat=" + seat.seatNo());
            return AnswerOutcome.WITHDRAWN;
        }
        seats.accept(seat.id(), now);
        dispatch.expertAnswered(seat.tenderId(), seat.seatNo(), true, committeeComplete(seat.tenderId()));
        audit.append(now, CurrentActor.SYSTEM, "EXPERT_ACCEPTED", VenueDrawService.AUDIT_SUBJECT, seat.tenderId(),
                "seat=" + seat.seatNo());
        return AnswerOutcome.ACCEPTED;
    }

    /** The seat's invited expert has not answered after part of the window: one voice call, if still so. */
    @Transactional
    void callIfUnanswered(String tenderId, int seatNo) {
        seats.latest(tenderId, seatNo).filter(seat -> seat.state() == SeatState.INVITED).ifPresent(seat -> {
            notices.call(seat);
            audit.append(clock.instant(), CurrentActor.SYSTEM, "EXPERT_VOICE_CALLED", VenueDrawService.AUDIT_SUBJECT,
                    tenderId, "seat=" + seatNo);
            log.info("Tender {}: seat {} not answered yet, voice call placed", tenderId, seatNo);
        });
    }

    /** What an answer did, with what the expert is told, the same whichever way they answered. */
    enum AnswerOutcome {
        ACCEPTED("已确认参加，请按短信所列时间、地点携带身份证件报到。"),
        DECLINED("已收到您不能参加的答复，感谢告知。"),
        WITHDRAWN("本次邀请已取消，无需前往。感谢您的支持。");

        private final String message;

        AnswerOutcome(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }
    }

    /** An expert did not arrive on the day (reported by the staff of the seat's venue): a supplementary draw. */
    @Transactional
    void noShow(String tenderId, String centerCode, int seatNo, String reportedBy) {
        CommitteeSeat seat = seats.holding(tenderId).stream()
                .filter(s -> s.seatNo() == seatNo && s.center().equals(centerCode)).findFirst()
                .orElseThrow(() -> ApiProblemException.invalid("seat", "本场次没有该席位的在席专家"));
        Instant now = clock.instant();
        seats.end(seat.id(), SeatState.NO_SHOW, now, false);
        if (seat.state() == SeatState.ACCEPTED) {
            dispatch.expertSeatVacated(tenderId, seatNo);
        } else {
            dispatch.expertAnswered(tenderId, seatNo, false, false);
        }
        audit.append(now, reportedBy, "EXPERT_NO_SHOW", VenueDrawService.AUDIT_SUBJECT, tenderId, "seat=" + seatNo);
        log.info("Tender {}: seat {} reported as a no-show", tenderId, seatNo);
    }

    /** Bid opening made the bidders known: every expert holding a seat is checked again. */
    @Transactional
    int recheckAfterBidOpening(String tenderId) {
        TenderFacts tender = tender(tenderId);
        venues.lockSlot(tender.slot());
        Instant now = clock.instant();
        int excluded = 0;
        for (CommitteeSeat seat : seats.holding(tenderId)) {
            if (!conflicts(seat, tender)) {
                continue;
            }
            seats.end(seat.id(), SeatState.EXCLUDED, now, false);
            notices.cancel(seat);
            if (seat.state() == SeatState.ACCEPTED) {
                dispatch.expertSeatVacated(tenderId, seat.seatNo());
            } else {
                dispatch.expertAnswered(tenderId, seat.seatNo(), false, false);
            }
            excluded++;
        }
        if (excluded > 0) {
            audit.append(now, CurrentActor.SYSTEM, "EXPERTS_EXCLUDED_AFTER_BID_OPENING", VenueDrawService.AUDIT_SUBJECT,
                    tenderId, "seats=" + excluded);
        }
        return excluded;
    }

    /**
     * The tender's evaluation moved or it was withdrawn: the invitations for that slot are cancelled
     * and the experts told. Only that slot's: a redraw for the new slot may already have run.
     */
    @Transactional
    int cancelAll(String tenderId, Slot slot, String why) {
        Instant now = clock.instant();
        int cancelled = 0;
        for (CommitteeSeat seat : seats.holding(tenderId)) {
            if (!seat.slot().equals(slot)) {
                continue;
            }
            if (seats.end(seat.id(), SeatState.CANCELLED, now, false)) {
                notices.cancel(seat);
                cancelled++;
            }
        }
        if (cancelled > 0) {
            audit.append(now, CurrentActor.SYSTEM, "EXPERT_INVITATIONS_CANCELLED", VenueDrawService.AUDIT_SUBJECT,
                    tenderId, "reason=" + why + ", seats=" + cancelled);
        }
        return cancelled;
    }

    private boolean conflicts(CommitteeSeat seat, TenderFacts tender) {
        CommitteeRequirement requirement = tenders.committeeRequirement(seat.tenderId()).orElseThrow();
        Optional<ExpertCandidate> candidate = pool.available(Set.of(seat.specialty()), tender.slot().date()).stream()
                .filter(c -> c.expertRef().equals(seat.expertRef())).findFirst();
        if (candidate.isEmpty()) {
            // Suspended, disqualified or on leave since the draw: no longer a member either.
            return true;
        }
        return !exclusions.recheckSeated(List.of(candidate.get()), requirement, Map.of()).exclusions().isEmpty();
    }

    /** Whether every expert seat drawn here is held by an expert who accepted: the main venue's seats only, when a partner hosts the rest. */
    private boolean committeeComplete(String tenderId) {
        CommitteeRequirement requirement = tenders.committeeRequirement(tenderId).orElseThrow();
        int drawnHere = requirement.expertCount();
        TenderFacts tender = tender(tenderId);
        SortedMap<String, Integer> expertSeats = expertSeats(tender, requirement);
        if (expertSeats != null && partnerHostsExperts(tender, requirement, expertSeats)) {
            drawnHere = total(expertSeats);
        }
        List<CommitteeSeat> holding = seats.holding(tenderId);
        return holding.size() == drawnHere
                && holding.stream().allMatch(s -> s.state() == SeatState.ACCEPTED);
    }

    /**
     * A cross-province tender whose seat plan here holds fewer expert seats than the committee: the
     * partner's sessions hold the others, and its province draws their experts.
     */
    private static boolean partnerHostsExperts(TenderFacts tender, CommitteeRequirement requirement,
            SortedMap<String, Integer> expertSeats) {
        return tender.scope() == Scope.CROSS_PROVINCE && total(expertSeats) < requirement.expertCount();
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Expert seats per center: the venue plan less the tenderer's representatives at the main venue; null when they do not fit. */
    private SortedMap<String, Integer> expertSeats(TenderFacts tender, CommitteeRequirement requirement) {
        SortedMap<String, Integer> plan = new TreeMap<>(venues.seatPlan(tender.id()));
        int representatives = requirement.tendererRepresentatives();
        int main = plan.getOrDefault(tender.mainCenter(), 0);
        if (representatives > main) {
            return null;
        }
        if (main - representatives == 0) {
            plan.remove(tender.mainCenter());
        } else {
            plan.put(tender.mainCenter(), main - representatives);
        }
        return plan;
    }

    private ExclusionRules.Screening screen(CommitteeRequirement requirement, TenderFacts tender, Set<String> specialties) {
        Timer.Sample sample = Timer.start(meters);
        try {
            return screenCandidates(requirement, tender, specialties);
        } finally {
            sample.stop(DrawTimers.timer(meters, DrawTimers.EXPERT_DRAW_SCREENING,
                    "the pool's candidates and their exclusion screening in an expert draw"));
        }
    }

    private ExclusionRules.Screening screenCandidates(CommitteeRequirement requirement, TenderFacts tender,
            Set<String> specialties) {
        Slot slot = tender.slot();
        List<ExpertCandidate> candidates = pool.available(specialties, slot.date());
        Map<String, Integer> evaluations = seats.acceptedForTenderer(tendererKey(requirement),
                slot.date().minusMonths(12), slot.date());
        Set<String> busy = seats.busyIn(slot);
        busy.removeAll(seats.holding(tender.id()).stream().map(CommitteeSeat::expertRef).collect(Collectors.toSet()));
        return exclusions.screen(candidates, requirement, evaluations, seats.everDrawn(tender.id()), busy);
    }

    private static List<EligibleExpert> eligible(List<ExpertCandidate> candidates) {
        return ExpertEligibleList.decode(ExpertEligibleList.encode(candidates));
    }

    private void take(TenderFacts tender, CommitteeRequirement requirement, String drawId, List<DrawnSeat> drawn,
            List<ExpertCandidate> eligible) {
        Instant now = clock.instant();
        Map<String, String> cities = eligible.stream()
                .collect(Collectors.toMap(ExpertCandidate::expertRef, ExpertCandidate::city, (a, b) -> a));
        for (DrawnSeat drawnSeat : drawn) {
            String replyCode = ReplyCodes.next(random);
            CommitteeSeat seat = new CommitteeSeat(UUID.randomUUID().toString(), tender.id(), drawnSeat.seatNo(),
                    drawnSeat.center(), drawnSeat.specialty(), drawnSeat.expertRef(), cities.get(drawnSeat.expertRef()),
                    drawId, tender.slot(), SeatState.INVITED, tendererKey(requirement), now,
                    now.plus(noticeProperties.answerWindow()), null);
            seats.insert(seat, ReplyCodes.hash(replyCode));
            notices.invite(seat, replyCode);
        }
    }

    /** The tenderer as the 12-month count compares it; null when the tender names none, so that such tenders never count together. */
    private static String tendererKey(CommitteeRequirement requirement) {
        String key = ExclusionRules.normalise(requirement.tenderer());
        return key == null || key.isEmpty() ? null : key;
    }

    private TenderFacts tender(String tenderId) {
        return tenders.find(tenderId).orElseThrow(() -> new IllegalStateException("no tender " + tenderId));
    }
}
