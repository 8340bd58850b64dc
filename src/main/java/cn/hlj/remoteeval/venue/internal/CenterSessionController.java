package cn.hlj.remoteeval.venue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What a center's staff know of the evaluations it hosts before the day (policy 六 副场信息全程保密):
 * an anonymous session code, the slot and the number of seats. Nothing else, by construction.
 */
@RestController
@RequestMapping("/api/centers/{center}/sessions")
@Tag(name = "评标场次")
class CenterSessionController {

    static final int DEFAULT_DAYS = 30;

    private final JdbcSeatBookings bookings;
    private final VenueAccess access;
    private final Clock clock;

    CenterSessionController(JdbcSeatBookings bookings, VenueAccess access, Clock clock) {
        this.bookings = bookings;
        this.access = access;
        this.clock = clock;
    }

    @Schema(name = "HostedSession", description = "本中心承担的评标场次（匿名）")
    record SessionView(@Schema(description = "匿名场次代码", example = "RS-7K3QX9MD") String sessionCode,
            LocalDate date, HalfDay halfDay, @Schema(description = "预约座位数") int seats) {
    }

    @GetMapping
    @Operation(summary = "本中心承担的评标场次", description = "只有匿名场次代码、日期、半天和座位数。默认今天起 30 天。")
    List<SessionView> sessions(@PathVariable String center, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        access.requireSessionReader(center);
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate start = RequestDates.optional("from", from, LocalDate.now(clock), violations);
        LocalDate end = RequestDates.optional("to", to, start == null ? null : start.plusDays(DEFAULT_DAYS), violations);
        RequestDates.range("to", start, end, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return bookings.sessionsAt(center, start, end).stream()
                .map(s -> new SessionView(s.sessionCode(), s.date(), s.halfDay(), s.seats())).toList();
    }
}
