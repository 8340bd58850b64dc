package cn.hlj.remoteeval.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.evaluation.RemoteSessions;
import cn.hlj.remoteeval.evaluation.internal.EvaluationDayStore.Incident;
import cn.hlj.remoteeval.evaluation.internal.EvaluationDayStore.Signature;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * The evaluation day (policy 七, 八): started, opened at the main venue with the supervisor on site,
 * each venue's no-shows and report signatures, incidents, and the end once every seat signed.
 *
 * <p>A rule broken by what staff entered answers {@link IllegalArgumentException} with a Chinese
 * message. Nothing here logs a center, an expert or an incident's text.
 */
@Service
class EvaluationDayService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationDayService.class);
    static final String AUDIT_SUBJECT = AuditLog.TENDER_SUBJECT;

    private final EvaluationDayStore store;
    private final CommitteeRoster roster;
    private final SeatBookings bookings;
    private final RemoteSessions remoteSessions;
    private final ElectronicSignatures signatures;
    private final IncidentAlarm alarm;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationDayService(EvaluationDayStore store, CommitteeRoster roster, SeatBookings bookings,
            RemoteSessions remoteSessions, ElectronicSignatures signatures, IncidentAlarm alarm,
            ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.bookings = bookings;
        this.remoteSessions = remoteSessions;
        this.signatures = signatures;
        this.alarm = alarm;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records the day as started; answers the tender's session codes (the main venue's included), never a center. */
    @Transactional
    List<String> start(String tenderId, String mainCenter) {
        Instant now = now();
        if (store.start(tenderId, mainCenter, now)) {
            audit.append(now, CurrentActor.SYSTEM, "EVALUATION_STARTED", AUDIT_SUBJECT, tenderId, "");
        }
        List<String> sessions = bookings.sessionsOf(tenderId).stream().map(SeatBookings.VenueSession::sessionCode)
                .toList();
        log.info("Tender {}: evaluation day started with {} session(s)", tenderId, sessions.size());
        return new ArrayList<>(sessions);
    }

    /** The opaque references of the tender's sessions held by a partner province; empty for every other tender. */
    @Transactional
    List<String> partnerSessions(String tenderId) {
        List<String> sessions = new ArrayList<>(remoteSessions.of(tenderId));
        if (!sessions.isEmpty()) {
            log.info("Tender {}: the evaluation day waits for {} partner session(s) to report their signatures", tenderId,
                    sessions.size());
        }
        return sessions;
    }

    /** Whether the partner holding the session already reported every seat of it signed. */
    @Transactional
    boolean partnerSessionSigned(String tenderId, String sessionRef) {
        return remoteSessions.signed(tenderId, sessionRef);
    }

    /** What the partners reported of the tender's sessions, for the main venue's staff. */
    List<RemoteSessions.Progress> partnerSessionProgress(String tenderId) {
        return remoteSessions.progress(tenderId);
    }

    @Transactional
    void openSession(String tenderId, boolean supervisorOnSite, Instant sessionStartedAt, String openedBy) {
        if (!supervisorOnSite) {
            throw new IllegalArgumentException("行政监督人员到场后方可开启评标");
        }
        Instant now = now();
        store.sessionOpened(tenderId, now, sessionStartedAt == null ? now : sessionStartedAt, true, openedBy);
        audit.append(now, openedBy, "EVALUATION_SESSION_OPENED", AUDIT_SUBJECT, tenderId, "supervisorOnSite=true");
    }

    /**
     * Checks what a venue's staff entered at identity verification: the session has seats, every
     * no-show seat is one of them, the experts present and the no-shows add up to the session's seats,
     * and without a no-show the identities must have been verified.
     */
    void checkVerification(String tenderId, String sessionCode, Long expertsPresent, List<Integer> noShows,
            boolean identitiesVerified) {
        Set<Integer> here = checkNoShowsAreHere(tenderId, sessionCode, noShows);
        if (expertsPresent == null || expertsPresent < 0) {
            throw new IllegalArgumentException("请填写到场专家人数（0 或正整数）");
        }
        if (expertsPresent + noShows.size() != here.size()) {
            throw new IllegalArgumentException("到场专家人数（" + expertsPresent + "）与未到场席位数（" + noShows.size()
                    + "）之和应等于本场次的专家席位数（" + here.size() + "）");
        }
        if (noShows.isEmpty() && !identitiesVerified) {
            throw new IllegalArgumentException("请核验本场次全部专家身份后再提交");
        }
    }

    private Set<Integer> checkNoShowsAreHere(String tenderId, String sessionCode, List<Integer> noShows) {
        Set<Integer> here = seatNumbersAt(tenderId, sessionCode);
        if (here.isEmpty()) {
            throw new IllegalArgumentException("本场次没有评标专家席位，无法核验专家身份，请联系主场核实");
        }
        List<Integer> foreign = noShows.stream().filter(seat -> !here.contains(seat)).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("未到场专家席位号不属于本场次：" + SeatNumbers.format(foreign));
        }
        return here;
    }

    /** Vacates each seat (a supplementary draw starts for it); answers how many were reported. */
    @Transactional
    int reportNoShows(String tenderId, String sessionCode, List<Integer> seats, String reportedBy) {
        checkNoShowsAreHere(tenderId, sessionCode, seats);
        for (int seat : seats) {
            roster.reportNoShow(tenderId, seat, reportedBy);
        }
        return seats.size();
    }

    /** The staff had the experts seated at the session sign the report: one e-signature per seat not yet signed. */
    @Transactional
    List<Signature> signReport(String tenderId, String sessionCode, String collectedBy) {
        List<CommitteeRoster.Seat> seats = roster.seatsAt(tenderId, sessionCode);
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("本场次没有在席评标专家，无法签署评标报告");
        }
        return sign(tenderId, seats, collectedBy);
    }

    /** The main venue had the seats still missing sign (after a replacement, typically). */
    @Transactional
    List<Signature> collectMissingSignatures(String tenderId, String collectedBy) {
        return sign(tenderId, unsigned(tenderId), collectedBy);
    }

    /**
     * Ends the evaluation when every seat's current expert signed: records the end and publishes
     * {@link EvaluationEnded} in this transaction. Otherwise answers the seats still missing.
     */
    @Transactional
    EndOutcome endIfSigned(String tenderId) {
        List<CommitteeRoster.Seat> missing = unsigned(tenderId);
        if (!missing.isEmpty()) {
            List<Integer> seats = missing.stream().map(CommitteeRoster.Seat::seat).toList();
            log.info("Tender {}: {} seat(s) have not signed the report yet", tenderId, seats.size());
            return new EndOutcome(false, seats);
        }
        Instant endedAt = store.signatures(tenderId).stream().map(Signature::signedAt).max(Instant::compareTo)
                .orElse(now());
        if (store.end(tenderId, endedAt)) {
            events.publishEvent(new EvaluationEnded(tenderId, endedAt));
            audit.append(now(), CurrentActor.SYSTEM, "EVALUATION_ENDED", AUDIT_SUBJECT, tenderId, "");
            log.info("Tender {}: every seat signed the report, evaluation ended", tenderId);
        }
        return new EndOutcome(true, List.of());
    }

    @Transactional
    String raiseIncident(String tenderId, String sessionCode, String kind, String description, String raisedBy) {
        IncidentKind incidentKind = parse(IncidentKind.class, kind, "突发情况类型");
        String id = UUID.randomUUID().toString();
        Instant now = now();
        store.addIncident(id, tenderId, sessionCode, incidentKind, description, raisedBy, now);
        alarm.raise(tenderId, id, incidentKind);
        audit.append(now, raisedBy, "EVALUATION_INCIDENT_RAISED", AUDIT_SUBJECT, tenderId,
                "incident=" + id + ", kind=" + incidentKind);
        log.info("Tender {}: incident {} ({}) raised", tenderId, id, incidentKind);
        return id;
    }

    @Transactional
    void handleIncident(String tenderId, String incidentId, String measure, boolean resolved, String note,
            String handledBy) {
        IncidentMeasure incidentMeasure = parse(IncidentMeasure.class, measure, "处置措施");
        Instant now = now();
        if (!store.handleIncident(incidentId, incidentMeasure, resolved, note, handledBy, now)) {
            throw new IllegalArgumentException("突发情况记录不存在：" + incidentId);
        }
        audit.append(now, handledBy, "EVALUATION_INCIDENT_HANDLED", AUDIT_SUBJECT, tenderId,
                "incident=" + incidentId + ", measure=" + incidentMeasure + ", resolved=" + resolved);
    }

    List<Incident> incidents(String tenderId) {
        return store.incidents(tenderId);
    }

    List<Signature> signatures(String tenderId) {
        return store.signatures(tenderId);
    }

    private List<Signature> sign(String tenderId, List<CommitteeRoster.Seat> seats, String collectedBy) {
        Set<String> signed = signedKeys(tenderId);
        List<Signature> added = new ArrayList<>();
        for (CommitteeRoster.Seat seat : seats) {
            if (signed.contains(key(seat.seat(), seat.expertRef()))) {
                continue;
            }
            Instant at = now();
            String receipt = signatures.sign(reportRef(tenderId), seat.seat(), seat.expertRef(), at);
            Signature signature = new Signature(seat.seat(), seat.expertRef(), seat.sessionCode(), at, receipt);
            store.addSignature(tenderId, signature, collectedBy);
            added.add(signature);
        }
        if (!added.isEmpty()) {
            audit.append(now(), collectedBy, "EVALUATION_REPORT_SIGNED", AUDIT_SUBJECT, tenderId,
                    "seats=" + SeatNumbers.format(added.stream().map(Signature::seat).toList()));
        }
        return added;
    }

    private List<CommitteeRoster.Seat> unsigned(String tenderId) {
        Set<String> signed = signedKeys(tenderId);
        return roster.seats(tenderId).stream().filter(seat -> !signed.contains(key(seat.seat(), seat.expertRef())))
                .toList();
    }

    private Set<String> signedKeys(String tenderId) {
        Set<String> keys = new HashSet<>();
        store.signatures(tenderId).forEach(s -> keys.add(key(s.seat(), s.expertRef())));
        return keys;
    }

    private Set<Integer> seatNumbersAt(String tenderId, String sessionCode) {
        Set<Integer> seats = new HashSet<>();
        roster.seatsAt(tenderId, sessionCode).forEach(seat -> seats.add(seat.seat()));
        return seats;
    }

    private static String key(int seat, String expertRef) {
        return seat + "|" + expertRef;
    }

    static String reportRef(String tenderId) {
        return "evaluation-report:" + tenderId;
    }

    private Instant now() {
        // The database keeps microseconds: a receipt must hash the instant that is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + "不能为空");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + "不在可选范围内：" + value);
        }
    }

    /** Whether every seat signed; if not, which seats (numbers only) still have to. */
    record EndOutcome(boolean allSigned, List<Integer> missingSeats) {
    }
}
