package cn.hlj.remoteeval.venue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.VenueSessionHosting;

/**
 * The sessions a center hosts, for the engine groups of its staff: bookings from
 * {@code days-before} days ago (the hand-over of the material and late clues come after the day)
 * to {@code days-after} days ahead (a venue's duties open once the committee is drawn).
 */
@Component
class JdbcVenueSessionHosting implements VenueSessionHosting {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int daysBefore;
    private final int daysAfter;

    JdbcVenueSessionHosting(JdbcClient jdbc, Clock clock,
            @Value("${remote-eval.security.venue-sessions.days-before:60}") int daysBefore,
            @Value("${remote-eval.security.venue-sessions.days-after:14}") int daysAfter) {
        if (daysBefore < 0 || daysAfter < 0) {
            throw new IllegalStateException("remote-eval.security.venue-sessions.days-before and days-after must not be negative");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.daysBefore = daysBefore;
        this.daysAfter = daysAfter;
    }

    @Override
    public Set<String> sessionsHostedBy(Set<String> centerCodes) {
        if (centerCodes.isEmpty()) {
            return Set.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(PROVINCE));
        return new TreeSet<>(jdbc.sql("SELECT DISTINCT b.session_code FROM workstation_booking b "
                + "JOIN workstation w ON w.id = b.workstation_id "
                + "WHERE w.center_code IN (:centers) AND b.eval_date BETWEEN :from AND :until")
                .param("centers", centerCodes)
                .param("from", today.minusDays(daysBefore))
                .param("until", today.plusDays(daysAfter))
                .query(String.class).list());
    }
}
