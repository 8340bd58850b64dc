package cn.hlj.remoteeval.draw.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * The committee as drawn, for the evaluation day: the seats' current holders, each with the
 * anonymous session code of the venue that hosts it (never the center itself), and a no-show that
 * vacates the seat and starts the supplementary draw.
 *
 * <p>A cross-province tender's experts are drawn by the national dispatch system (policy 十), so no
 * seat of it is drawn here: its committee at this province is the main venue's booked seats, one
 * national seat each, held by an expert known to this system by seat only. The main venue's staff
 * verify and seat them and have them sign like any other; the partner's sub-venues are the partner's.
 */
@Component
class DrawnCommitteeRoster implements CommitteeRoster {

    /** The opaque reference of the expert the national system drew for a seat: it names no one. */
    static final String NATIONAL_EXPERT_REF = "national-seat-";

    /** The states in which a cross-province tender's national draw has been recorded. */
    private static final Set<TenderState> NATIONALLY_DRAWN = EnumSet.of(TenderState.READY_FOR_EVALUATION,
            TenderState.EVALUATING, TenderState.HANDING_OVER, TenderState.HANDED_OVER);

    private final CommitteeSeats seats;
    private final ExpertDrawService draws;
    private final SeatBookings bookings;
    private final Tenders tenders;

    DrawnCommitteeRoster(CommitteeSeats seats, ExpertDrawService draws, SeatBookings bookings, Tenders tenders) {
        this.seats = seats;
        this.draws = draws;
        this.bookings = bookings;
        this.tenders = tenders;
    }

    @Override
    public List<Seat> seats(String tenderId) {
        List<CommitteeSeat> drawn = seats.holding(tenderId);
        if (drawn.isEmpty()) {
            return nationalSeats(tenderId);
        }
        Map<String, String> sessionOfCenter = new HashMap<>();
        return drawn.stream()
                .map(s -> new Seat(s.seatNo(), s.expertRef(), sessionOfCenter.computeIfAbsent(s.center(),
                        center -> bookings.sessionCodeOf(tenderId, center).orElse(null))))
                .toList();
    }

    @Override
    public List<Seat> seatsAt(String tenderId, String sessionCode) {
        String center = bookings.centerOfSession(sessionCode).orElse(null);
        if (center == null || !bookings.sessionCodeOf(tenderId, center).map(sessionCode::equals).orElse(false)) {
            return List.of();
        }
        List<CommitteeSeat> drawn = seats.holding(tenderId);
        if (drawn.isEmpty()) {
            return nationalSeats(tenderId).stream().filter(s -> sessionCode.equals(s.sessionCode())).toList();
        }
        return drawn.stream().filter(s -> s.center().equals(center))
                .map(s -> new Seat(s.seatNo(), s.expertRef(), sessionCode)).toList();
    }

    @Override
    public void reportNoShow(String tenderId, int seat, String actor) {
        if (seats.holding(tenderId).isEmpty() && nationalSeats(tenderId).stream().anyMatch(s -> s.seat() == seat)) {
            throw new TaskInputRefused(
                    "席位 " + seat + " 的专家由国家远程异地评标调度系统抽取，缺席时请在该系统中补抽，并在突发情况中记录");
        }
        CommitteeSeat holder = seats.holding(tenderId).stream().filter(s -> s.seatNo() == seat).findFirst()
                .orElseThrow(() -> ApiProblemException.invalid("seat", "该席位没有在席专家：" + seat));
        draws.noShow(tenderId, holder.center(), seat, actor);
    }

    /** The main venue's seats of a cross-province tender whose experts the national system drew, else none. */
    private List<Seat> nationalSeats(String tenderId) {
        TenderFacts tender = tenders.find(tenderId).orElse(null);
        if (tender == null || tender.scope() != Scope.CROSS_PROVINCE || !NATIONALLY_DRAWN.contains(tender.state())) {
            return List.of();
        }
        List<Seat> national = new ArrayList<>();
        for (SeatBookings.VenueSession session : bookings.sessionsOf(tenderId)) {
            if (!session.centerCode().equals(tender.mainCenter())) {
                continue;
            }
            for (int seat = 1; seat <= session.seats(); seat++) {
                national.add(new Seat(seat, NATIONAL_EXPERT_REF + seat, session.sessionCode()));
            }
        }
        return national;
    }
}
