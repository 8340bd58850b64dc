package cn.hlj.remoteeval.draw.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * The committee as drawn, for the evaluation day: the seats' current holders, each with the
 * anonymous session code of the venue that hosts it (never the center itself), and a no-show that
 * vacates the seat and starts the supplementary draw.
 */
@Component
class DrawnCommitteeRoster implements CommitteeRoster {

    private final CommitteeSeats seats;
    private final ExpertDrawService draws;
    private final SeatBookings bookings;

    DrawnCommitteeRoster(CommitteeSeats seats, ExpertDrawService draws, SeatBookings bookings) {
        this.seats = seats;
        this.draws = draws;
        this.bookings = bookings;
    }

    @Override
    public List<Seat> seats(String tenderId) {
        Map<String, String> sessionOfCenter = new HashMap<>();
        return seats.holding(tenderId).stream()
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
        return seats.holding(tenderId).stream().filter(s -> s.center().equals(center))
                .map(s -> new Seat(s.seatNo(), s.expertRef(), sessionCode)).toList();
    }

    @Override
    public void reportNoShow(String tenderId, int seat, String actor) {
        CommitteeSeat holder = seats.holding(tenderId).stream().filter(s -> s.seatNo() == seat).findFirst()
                .orElseThrow(() -> ApiProblemException.invalid("seat", "该席位没有在席专家：" + seat));
        draws.noShow(tenderId, holder.center(), seat, actor);
    }
}
