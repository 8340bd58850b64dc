package cn.hlj.remoteeval.draw.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.HostedDrawRequest;
import cn.hlj.remoteeval.draw.HostedExpertDraws;
import cn.hlj.remoteeval.draw.HostedSeatSettled;
import cn.hlj.remoteeval.draw.internal.HostedDrawSeats.HostedDrawSeat;
import cn.hlj.remoteeval.draw.internal.HostedDrawSeats.State;
import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.CommitteeRequirement;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The expert draw for a partner's session hosted here (this province as sub-venue), with the same pool, the
 * same exclusion rules, the same algorithm and the same chain as a tender's draw; only what it is keyed by and
 * whom its answers move on differ.
 *
 * <ul>
 * <li><b>Exclusions.</b> The partner's excluded organisations (its tenderer and bidders, not told apart) are
 * compared as a tender's bidders are: an expert employed by one, or who declared a relation with one, is not
 * drawn. Experts holding a seat of any tender or hosting in the slot are not drawn, nor anyone ever drawn for
 * this hosting (whatever became of it). The 12-month count per tenderer does not apply: the partner's
 * tenderer is not known as such.</li>
 * <li><b>Locality.</b> Every seat is at the hosting center. The configured locality applies as to any seat
 * there ({@code SAME_CITY}: experts whose 所在地市 is that center; {@code PROVINCE}: any expert of the
 * province). The main-city cap does not: the main venue is in the partner province and no expert of ours
 * lives in its city. The request names the hosting center as {@code mainCenter} with {@code mainCityCap}
 * equal to the seats drawn, which never binds and keeps the record recomputable by {@link ExpertDrawAlgorithm}.</li>
 * <li><b>Seats.</b> A first draw fills all the requested seats at once; when it finds no random pick, each
 * seat goes to its own supplementary draw, so that the seats some expert can fill are filled and only the
 * others come back short. Each seat then follows {@code bpmn/hosted-seat-confirmation.bpmn}.</li>
 * <li><b>Answers.</b> An acceptance confirms the seat and raises {@link HostedSeatSettled}; no tender lifecycle
 * is involved. A decline, an exclusion found at acceptance, or no answer in time ends the invitation and the
 * process draws again; a supplementary draw that finds no one settles the seat as short.</li>
 * </ul>
 * Nothing here logs, audits or publishes who was drawn: the sealed record is the only place that says it.
 */
@Service
class HostedExpertDrawService implements HostedExpertDraws {

    static final String AUDIT_SUBJECT = "PARTNER_HOSTING";

    private static final Logger log = LoggerFactory.getLogger(HostedExpertDrawService.class);

    private final HostedDrawSeats hostedSeats;
    private final HostedSeatConfirmations confirmations;
    private final SeatBookings venues;
    private final ExpertPool pool;
    private final ExclusionRules exclusions;
    private final ExpertDrawPolicy policy;
    private final ExpertDrawAlgorithm algorithm;
    private final CommitteeSeats seats;
    private final ExpertNotices notices;
    private final ExpertNoticeProperties noticeProperties;
    private final DrawChain chain;
    private final DrawStore store;
    private final DrawNotices drawNotices;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HostedExpertDrawService(HostedDrawSeats hostedSeats, HostedSeatConfirmations confirmations, SeatBookings venues,
            ExpertPool pool, ExclusionRules exclusions, ExpertDrawPolicy policy, ExpertDrawAlgorithm algorithm,
            CommitteeSeats seats, ExpertNotices notices, ExpertNoticeProperties noticeProperties, DrawChain chain,
            DrawStore store, DrawNotices drawNotices, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.hostedSeats = hostedSeats;
        this.confirmations = confirmations;
        this.venues = venues;
        this.pool = pool;
        this.exclusions = exclusions;
        this.policy = policy;
        this.algorithm = algorithm;
        this.seats = seats;
                this.noticeProperties = noticeProperties;
        this.chain = chain;
        this.store = store;
        this.notices = notices;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.drawNotices = drawNotices;
    }

    @Override
    @Transactional
    public void draw(HostedDrawRequest request) {
        String hostingId = request.hostingId();
        Slot slot = request.slot();
        venues.lockSlot(slot);
        Instant now = clock.instant();
        List<HostedDrawRequest.HostedSeat> asked = request.seats().stream()
                .sorted(Comparator.comparingInt(HostedDrawRequest.HostedSeat::seatNo)).toList();
        for (HostedDrawRequest.HostedSeat seat : asked) {
            if (hostedSeats.find(hostingId, seat.seatNo()).isPresent()) {
                throw new IllegalArgumentException("seat " + seat.seatNo() + " of hosting " + hostingId + " was drawn before");
            }
            hostedSeats.insert(new HostedDrawSeat(hostingId, seat.seatNo(), seat.specialtyCode(), request.centerCode(), slot,
                    request.excludedOrganisations(), State.OPEN), now);
        }
        SortedMap<String, Integer> quotas = new TreeMap<>();
        asked.forEach(seat -> quotas.merge(seat.specialtyCode(), 1, Integer::sum));
        Noticed noticed = drawNotices.announce(DrawKind.HOSTED_EXPERT, hostingId);
        ExclusionRules.Screening screening = screen(hostingId, slot, quotas.keySet(), request.excludedOrganisations());
        ExpertDrawRequest drawRequest = drawRequest(request.centerCode(), slot, quotas);
        Ran ran = run(hostingId, noticed, drawRequest, screening);
        ExpertDrawOutcome outcome = ran.outcome();
        if (outcome.drawn()) {
            // The draw numbers its seats 1..m in fill order; each takes the first requested seat of its specialty.
            List<HostedDrawRequest.HostedSeat> open = new ArrayList<>(asked);
            for (DrawnSeat drawn : outcome.seats()) {
                HostedDrawRequest.HostedSeat seat = open.stream().filter(s -> s.specialtyCode().equals(drawn.specialty()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("a drawn seat without a requested seat"));
                open.remove(seat);
                invite(hostingId, seat.seatNo(), ran.drawId(), drawn, screening.eligible(), slot);
            }
        }
        for (HostedDrawRequest.HostedSeat seat : asked) {
            confirmations.start(hostingId, seat.seatNo(), !outcome.drawn());
        }
        audit.append(now, CurrentActor.SYSTEM, outcome.drawn() ? "HOSTED_EXPERT_DRAW_COMPLETED"
                : "HOSTED_EXPERT_DRAW_NO_RANDOM_PICK", AUDIT_SUBJECT, hostingId, "seats=" + asked.size());
        // Appended last: the chain head is one lock for the whole province, held until commit.
        chain.append(ran.record(), ran.seed());
        log.info("Hosting {}: expert draw for {} seat(s) {}", hostingId, asked.size(),
                outcome.drawn() ? "invited an expert for each" : "found no random pick; each seat is drawn on its own");
    }

    /**
     * The supplementary draw (补抽) for one hosted seat whose invitation ended, or which the first draw left
     * open: same rules, same center and specialty, never anyone drawn for this hosting before. When no one is
     * eligible the seat is short.
     *
     * @return whether a new expert was invited for the seat
     */
    @Transactional
    boolean replace(String hostingId, int seatNo) {
        HostedDrawSeat hosted = hostedSeats.find(hostingId, seatNo)
                .orElseThrow(() -> new IllegalStateException("hosting " + hostingId + " has no seat " + seatNo));
        if (hosted.state() != State.OPEN) {
            return false;
        }
        venues.lockSlot(hosted.slot());
        Instant now = clock.instant();
        Optional<CommitteeSeat> vacated = seats.latest(hostingId, seatNo);
        if (vacated.isPresent() && vacated.get().state() == SeatState.INVITED) {
            seats.end(vacated.get().id(), SeatState.NO_ANSWER, now, false);
        } else if (vacated.isPresent() && vacated.get().state() == SeatState.ACCEPTED) {
            throw new IllegalStateException("seat " + seatNo + " of hosting " + hostingId + " is held by an expert who accepted");
        }
        Noticed noticed = drawNotices.announce(DrawKind.HOSTED_EXPERT, hostingId);
        ExclusionRules.Screening screening = screen(hostingId, hosted.slot(), Set.of(hosted.specialty()),
                hosted.excludedOrganisations());
        ExpertDrawRequest request = drawRequest(hosted.center(), hosted.slot(), new TreeMap<>(Map.of(hosted.specialty(), 1)));
        Ran ran = run(hostingId, noticed, request, screening);
        ExpertDrawOutcome outcome = ran.outcome();
        if (outcome.drawn()) {
            invite(hostingId, seatNo, ran.drawId(), outcome.seats().get(0), screening.eligible(), hosted.slot());
        } else {
            settle(hostingId, seatNo, State.SHORT, now);
        }
        audit.append(now, CurrentActor.SYSTEM, outcome.drawn() ? "HOSTED_EXPERT_SUPPLEMENTARY_DRAW_COMPLETED"
                : "HOSTED_EXPERT_SEAT_SHORT", AUDIT_SUBJECT, hostingId, "seat=" + seatNo);
        chain.append(ran.record(), ran.seed());
        log.info("Hosting {}: supplementary draw for seat {} {}", hostingId, seatNo,
                outcome.drawn() ? "invited an expert" : "found no one; the seat is short");
        return outcome.drawn();
    }

    /** Whether the invitation is for a hosted seat rather than a tender's committee. */
    boolean hosts(CommitteeSeat seat) {
        return hostedSeats.find(seat.tenderId(), seat.seatNo()).isPresent();
    }

    /** The answer of an expert invited for a hosted seat; the invitation still waits for it (the caller checked). */
    ExpertDrawService.AnswerOutcome answer(CommitteeSeat seat, boolean accept) {
        Instant now = clock.instant();
        String hostingId = seat.tenderId();
        venues.lockSlot(seat.slot());
        HostedDrawSeat hosted = hostedSeats.find(hostingId, seat.seatNo()).orElseThrow();
        if (!accept) {
            seats.end(seat.id(), SeatState.DECLINED, now, true);
            confirmations.answered(hostingId, seat.seatNo(), false);
            audit.append(now, CurrentActor.SYSTEM, "HOSTED_EXPERT_DECLINED", AUDIT_SUBJECT, hostingId, "seat=" + seat.seatNo());
            return ExpertDrawService.AnswerOutcome.DECLINED;
        }
        if (conflicts(seat, hosted)) {
            seats.end(seat.id(), SeatState.EXCLUDED, now, true);
            notices.cancel(seat);
            confirmations.answered(hostingId, seat.seatNo(), false);
            audit.append(now, CurrentActor.SYSTEM, "HOSTED_EXPERT_EXCLUDED_AT_CONFIRMATION", AUDIT_SUBJECT, hostingId,
                    "seat=" + seat.seatNo());
            return ExpertDrawService.AnswerOutcome.WITHDRAWN;
        }
        seats.accept(seat.id(), now);
        confirmations.answered(hostingId, seat.seatNo(), true);
        settle(hostingId, seat.seatNo(), State.CONFIRMED, now);
        audit.append(now, CurrentActor.SYSTEM, "HOSTED_EXPERT_ACCEPTED", AUDIT_SUBJECT, hostingId, "seat=" + seat.seatNo());
        return ExpertDrawService.AnswerOutcome.ACCEPTED;
    }

    /** The seat's invited expert has not answered after part of the window: one voice call, if still so. */
    @Transactional
    void callIfUnanswered(String hostingId, int seatNo) {
        seats.latest(hostingId, seatNo).filter(seat -> seat.state() == SeatState.INVITED).ifPresent(seat -> {
            notices.call(seat);
            audit.append(clock.instant(), CurrentActor.SYSTEM, "HOSTED_EXPERT_VOICE_CALLED", AUDIT_SUBJECT, hostingId,
                    "seat=" + seatNo);
        });
    }

    /**
     * A no-show: the invitation ends as {@code NO_SHOW}. An accepted seat is open again and gets a new
     * confirmation that starts with the supplementary draw; an invitation still waiting for its answer is
     * treated as a refusal by the confirmation already running, which draws again.
     */
    @Override
    @Transactional
    public void noShow(String hostingId, int seatNo, String reportedBy) {
        HostedDrawSeat hosted = hostedSeats.find(hostingId, seatNo)
                .orElseThrow(() -> new IllegalArgumentException("本场次没有席位 " + seatNo));
        venues.lockSlot(hosted.slot());
        CommitteeSeat seat = seats.holding(hostingId).stream().filter(s -> s.seatNo() == seatNo).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("席位 " + seatNo + " 当前没有受邀专家（可能正在补抽或已无符合条件的专家），无法登记未到场"));
        Instant now = clock.instant();
        seats.end(seat.id(), SeatState.NO_SHOW, now, false);
        if (seat.state() == SeatState.ACCEPTED) {
            if (!hostedSeats.reopen(hostingId, seatNo)) {
                throw new IllegalStateException("seat " + seatNo + " of hosting " + hostingId + " is held but not confirmed");
            }
            confirmations.start(hostingId, seatNo, true);
        } else {
            confirmations.noShowBeforeAnswer(hostingId, seatNo);
        }
        audit.append(now, reportedBy, "HOSTED_EXPERT_NO_SHOW", AUDIT_SUBJECT, hostingId, "seat=" + seatNo);
        log.info("Hosting {}: seat {} reported as a no-show, supplementary draw started", hostingId, seatNo);
    }

    @Override
    @Transactional
    public int cancelAll(String hostingId, String why) {
        Instant now = clock.instant();
        int cancelled = 0;
        for (CommitteeSeat seat : seats.holding(hostingId)) {
            if (seats.end(seat.id(), SeatState.CANCELLED, now, false)) {
                notices.cancel(seat);
                cancelled++;
            }
        }
        hostedSeats.cancel(hostingId, now);
        confirmations.cancel(hostingId);
        if (cancelled > 0) {
            audit.append(now, CurrentActor.SYSTEM, "HOSTED_EXPERT_INVITATIONS_CANCELLED", AUDIT_SUBJECT, hostingId,
                    "reason=" + why + ", seats=" + cancelled);
            log.info("Hosting {}: {} expert invitation(s) cancelled ({})", hostingId, cancelled, why);
        }
        return cancelled;
    }

    @Override
    @Transactional
    public void evaluationEnded(String hostingId, Instant endedAt) {
        int revealed = store.reveal(hostingId, DrawRecord.timestamp(endedAt));
        if (revealed > 0) {
            audit.append(endedAt, CurrentActor.SYSTEM, "DRAW_SEEDS_REVEALED", AUDIT_SUBJECT, hostingId, "draws=" + revealed);
            log.info("Hosting {}: evaluation ended, {} draw seed(s) revealed", hostingId, revealed);
        }
    }

    private void settle(String hostingId, int seatNo, State state, Instant at) {
        if (hostedSeats.settle(hostingId, seatNo, state, at)) {
            events.publishEvent(new HostedSeatSettled(hostingId, seatNo, state == State.CONFIRMED, at));
        }
    }

    /** A draw that ran, with its record to append once everything else of the transaction is done. */
    private record Ran(String drawId, ExpertDrawOutcome outcome, NewDraw record, DrawSeed seed) {
        // seed: the notice's server seed, the record's secret
    }

    /** Runs the published algorithm on the screened candidates and keeps the exclusions as its evidence. */
    private Ran run(String hostingId, Noticed noticed, ExpertDrawRequest request, ExclusionRules.Screening screening) {
        DerivedSeed seed = drawNotices.seedAfterSnapshot(noticed, clock.instant());
        String eligibleList = ExpertEligibleList.encode(screening.eligible());
        ExpertDrawOutcome outcome = algorithm.draw(seed.stream(), request, ExpertEligibleList.decode(eligibleList));
        String drawId = UUID.randomUUID().toString();
        seats.recordExclusions(drawId, screening.exclusions());
        return new Ran(drawId, outcome, new NewDraw(drawId, DrawKind.HOSTED_EXPERT, hostingId, ExpertDrawAlgorithm.ID_V2,
                seed.commitment(), eligibleList, request.canonical(), outcome.canonical(), CurrentActor.SYSTEM).noticed(seed),
                seed.serverSeed());
    }

    private ExpertDrawRequest drawRequest(String center, Slot slot, SortedMap<String, Integer> quotas) {
        int experts = quotas.values().stream().mapToInt(Integer::intValue).sum();
        return new ExpertDrawRequest(experts, center, experts, 0, policy.locality(), slot,
                new TreeMap<>(Map.of(center, experts)), quotas);
    }

    private ExclusionRules.Screening screen(String hostingId, Slot slot, Set<String> specialties,
            List<String> excludedOrganisations) {
        List<ExpertCandidate> candidates = pool.available(specialties, slot.date());
        Set<String> busy = seats.busyIn(slot);
        // Those holding a seat of this hosting are excluded as drawn for it already, the rule that says so.
        busy.removeAll(seats.holding(hostingId).stream().map(CommitteeSeat::expertRef).collect(Collectors.toSet()));
        return exclusions.screen(candidates, requirement(hostingId, excludedOrganisations), Map.of(),
                seats.everDrawn(hostingId), busy);
    }

    /** The partner's excluded organisations in the place of a tender's bidders; no tenderer, no project. */
    private static CommitteeRequirement requirement(String hostingId, List<String> excludedOrganisations) {
        return new CommitteeRequirement(hostingId, 0, 0, Map.of(), null, null,
                List.copyOf(new LinkedHashSet<>(excludedOrganisations)));
    }

    private boolean conflicts(CommitteeSeat seat, HostedDrawSeat hosted) {
        Optional<ExpertCandidate> candidate = pool.available(Set.of(seat.specialty()), seat.slot().date()).stream()
                .filter(c -> c.expertRef().equals(seat.expertRef())).findFirst();
        if (candidate.isEmpty()) {
            // Suspended, disqualified or on leave since the draw.
            return true;
        }
        return !exclusions.recheckSeated(List.of(candidate.get()), requirement(hosted.hostingId(),
                hosted.excludedOrganisations()), Map.of()).exclusions().isEmpty();
    }

    private void invite(String hostingId, int seatNo, String drawId, DrawnSeat drawn, List<ExpertCandidate> eligible, Slot slot) {
        Instant now = clock.instant();
        String city = eligible.stream().filter(c -> c.expertRef().equals(drawn.expertRef())).map(ExpertCandidate::city)
                .findFirst().orElseThrow();
        String replyCode = ReplyCodes.next(random);
        CommitteeSeat seat = new CommitteeSeat(UUID.randomUUID().toString(), hostingId, seatNo, drawn.center(),
                drawn.specialty(), drawn.expertRef(), city, drawId, slot, SeatState.INVITED, null, now,
                now.plus(noticeProperties.answerWindow()), null);
        seats.insert(seat, ReplyCodes.hash(replyCode));
        notices.invite(seat, replyCode);
    }
}
