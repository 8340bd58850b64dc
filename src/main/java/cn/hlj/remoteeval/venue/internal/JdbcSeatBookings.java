package cn.hlj.remoteeval.venue.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.SeatsUnavailable;
import cn.hlj.remoteeval.venue.Slot;

/**
 * Seat bookings in the {@code workstation_booking} table. Nothing here logs a holder together with
 * a center: which centers host a tender is secret (policy 六).
 */
@Repository
class JdbcSeatBookings implements SeatBookings {

    /** A workstation usable in a slot: registered, in service on the date and not booked. */
    private static final String USABLE = "SELECT w.id, w.center_code, w.code FROM workstation w "
            + "WHERE NOT EXISTS (SELECT 1 FROM workstation_outage o WHERE o.workstation_id = w.id "
            + "AND o.from_date <= :day AND o.to_date >= :day) "
            + "AND NOT EXISTS (SELECT 1 FROM workstation_booking b WHERE b.workstation_id = w.id "
            + "AND b.eval_date = :day AND b.half_day = :halfDay)";

    private static final String CROSS_PROVINCE = " AND w.cross_province = TRUE";

    private static final String FREE_SEATS = "SELECT c.code, COUNT(u.id) AS free_count FROM trading_center c "
            + "LEFT JOIN (%s) u ON u.center_code = c.code GROUP BY c.code, c.display_order ORDER BY c.display_order";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SessionCodes sessionCodes = new SessionCodes(new SecureRandom());
    private final Clock clock;

    JdbcSeatBookings(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    @Override
    public Map<String, Integer> freeSeats(Slot slot, boolean crossProvinceOnly) {
        String usable = USABLE + (crossProvinceOnly ? CROSS_PROVINCE : "");
        Map<String, Integer> free = new LinkedHashMap<>();
        jdbc.sql(FREE_SEATS.formatted(usable)).param("day", Date.valueOf(slot.date()))
                .param("halfDay", slot.halfDay().name())
                .query((rs, row) -> free.put(rs.getString("code"), rs.getInt("free_count"))).list();
        return free;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockSlot(Slot slot) {
        lockSlotInCurrentTransaction(slot);
    }

    /** The number of lock stripes that migration V16 creates. */
    static final int LOCK_STRIPES = 256;

    /** Consecutive half-days take consecutive stripes, so slots share one only 128 days apart. */
    static int stripeOf(Slot slot) {
        return (int) Math.floorMod(slot.date().toEpochDay() * 2 + slot.halfDay().ordinal(), (long) LOCK_STRIPES);
    }

    private void lockSlotInCurrentTransaction(Slot slot) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("lockSlot must run inside a transaction");
        }
        jdbc.sql("SELECT stripe FROM booking_lock_stripe WHERE stripe = ? FOR UPDATE").param(stripeOf(slot))
                .query(Integer.class).single();
    }

    /**
     * A refusal writes nothing, so it leaves the caller's transaction usable: a draw may catch
     * {@link SeatsUnavailable} and try another pick in the same transaction.
     */
    @Override
    @Transactional(noRollbackFor = SeatsUnavailable.class)
    public void book(String holderRef, BookingPurpose purpose, Slot slot, Map<String, Integer> seatsByCenter,
            boolean crossProvinceOnly) {
        requireValid(holderRef, purpose, seatsByCenter);
        lockSlotInCurrentTransaction(slot);
        Map<String, Integer> free = freeSeats(slot, crossProvinceOnly);
        // Every center is checked before the first row is written: a refused booking writes nothing.
        for (Map.Entry<String, Integer> wanted : seatsByCenter.entrySet()) {
            int available = free.getOrDefault(wanted.getKey(), 0);
            if (wanted.getValue() > available) {
                throw new SeatsUnavailable(wanted.getKey(), wanted.getValue(), available);
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> wanted : seatsByCenter.entrySet()) {
            if (wanted.getValue() == 0) {
                continue;
            }
            String sessionCode = existingSessionCode(holderRef, wanted.getKey()).orElseGet(sessionCodes::next);
            List<Long> workstations = lowestFree(wanted.getKey(), slot, crossProvinceOnly, wanted.getValue());
            for (Long workstation : workstations) {
                rows.add(new Object[] { workstation, Date.valueOf(slot.date()), slot.halfDay().name(), holderRef,
                        purpose.name(), sessionCode, now });
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO workstation_booking (workstation_id, eval_date, half_day, holder_ref, purpose, "
                + "session_code, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static void requireValid(String holderRef, BookingPurpose purpose, Map<String, Integer> seatsByCenter) {
        if (holderRef == null || holderRef.isBlank() || holderRef.length() > 64) {
            throw new IllegalArgumentException("holderRef must be 1 to 64 characters");
        }
        if (purpose == null || seatsByCenter == null) {
            throw new IllegalArgumentException("purpose and seatsByCenter are required");
        }
        for (Map.Entry<String, Integer> wanted : seatsByCenter.entrySet()) {
            if (wanted.getKey() == null || wanted.getValue() == null || wanted.getValue() < 0) {
                throw new IllegalArgumentException("seat counts must be zero or more per center");
            }
        }
    }

    @Override
    public Map<String, Integer> seatPlan(String holderRef) {
        Map<String, Integer> plan = new java.util.TreeMap<>();
        jdbc.sql("SELECT w.center_code, COUNT(*) AS seats FROM workstation_booking b JOIN workstation w "
                + "ON w.id = b.workstation_id WHERE b.holder_ref = ? GROUP BY w.center_code").param(holderRef)
                .query((rs, row) -> plan.put(rs.getString("center_code"), rs.getInt("seats"))).list();
        return plan;
    }

    @Override
    public Optional<String> holderOfSession(String centerCode, String sessionCode) {
        return jdbc.sql("SELECT DISTINCT b.holder_ref FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id "
                + "WHERE b.session_code = ? AND w.center_code = ?").params(sessionCode, centerCode)
                .query(String.class).list().stream().findFirst();
    }

    @Override
    public Optional<String> sessionCodeOf(String holderRef, String centerCode) {
        return existingSessionCode(holderRef, centerCode);
    }

    @Override
    public List<VenueSession> sessionsOf(String holderRef) {
        return jdbc.sql("SELECT b.session_code, w.center_code, COUNT(*) AS seats FROM workstation_booking b "
                + "JOIN workstation w ON w.id = b.workstation_id WHERE b.holder_ref = ? "
                + "GROUP BY b.session_code, w.center_code ORDER BY b.session_code").param(holderRef)
                .query((rs, row) -> new VenueSession(rs.getString("session_code"), rs.getString("center_code"),
                        rs.getInt("seats")))
                .list();
    }

    @Override
    public Optional<String> centerOfSession(String sessionCode) {
        return jdbc.sql("SELECT DISTINCT w.center_code FROM workstation_booking b JOIN workstation w "
                + "ON w.id = b.workstation_id WHERE b.session_code = ?").param(sessionCode)
                .query(String.class).list().stream().findFirst();
    }

    @Override
    public Map<String, List<VenueSession>> sessionsOfAll(Collection<String> holderRefs) {
        Map<String, List<VenueSession>> sessions = new LinkedHashMap<>();
        for (List<String> chunk : chunks(holderRefs)) {
            jdbc.sql("SELECT b.holder_ref, b.session_code, w.center_code, COUNT(*) AS seats FROM workstation_booking b "
                    + "JOIN workstation w ON w.id = b.workstation_id WHERE b.holder_ref IN (:holders) "
                    + "GROUP BY b.holder_ref, b.session_code, w.center_code ORDER BY b.holder_ref, b.session_code")
                    .param("holders", chunk)
                    .query(rs -> {
                        sessions.computeIfAbsent(rs.getString("holder_ref"), h -> new ArrayList<>()).add(new VenueSession(
                                rs.getString("session_code"), rs.getString("center_code"), rs.getInt("seats")));
                    });
        }
        return sessions;
    }

    @Override
    public Map<String, String> centersOfSessions(Collection<String> sessionCodes) {
        Map<String, String> centers = new LinkedHashMap<>();
        for (List<String> chunk : chunks(sessionCodes)) {
            jdbc.sql("SELECT DISTINCT b.session_code, w.center_code FROM workstation_booking b JOIN workstation w "
                    + "ON w.id = b.workstation_id WHERE b.session_code IN (:codes)")
                    .param("codes", chunk)
                    .query(rs -> {
                        centers.putIfAbsent(rs.getString("session_code"), rs.getString("center_code"));
                    });
        }
        return centers;
    }

    /** Keeps an IN list well below every database's limit on parameters. */
    private static List<List<String>> chunks(Collection<String> values) {
        List<String> distinct = values.stream().distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += 500) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + 500)));
        }
        return chunks;
    }

    /** One session code per holder and center: a second booking of the same holder there joins it. */
    private Optional<String> existingSessionCode(String holderRef, String centerCode) {
        return jdbc.sql("SELECT b.session_code FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id "
                + "WHERE b.holder_ref = ? AND w.center_code = ?").params(holderRef, centerCode)
                .query(String.class).list().stream().findFirst();
    }

    private List<Long> lowestFree(String centerCode, Slot slot, boolean crossProvinceOnly, int count) {
        List<Long> ids = jdbc.sql(USABLE + (crossProvinceOnly ? CROSS_PROVINCE : "") + " AND w.center_code = :center ORDER BY w.code")
                .param("day", Date.valueOf(slot.date())).param("halfDay", slot.halfDay().name())
                .param("center", centerCode).query((rs, row) -> rs.getLong("id")).list();
        return ids.subList(0, count);
    }

    @Override
    @Transactional(noRollbackFor = SeatsUnavailable.class)
    public void rebook(String holderRef, Slot to, boolean crossProvinceOnly) {
        Map<String, Integer> elsewhere = new LinkedHashMap<>();
        List<String> purposes = new ArrayList<>();
        jdbc.sql("SELECT w.center_code, b.purpose, COUNT(*) AS seats FROM workstation_booking b JOIN workstation w "
                + "ON w.id = b.workstation_id WHERE b.holder_ref = ? AND NOT (b.eval_date = ? AND b.half_day = ?) "
                + "GROUP BY w.center_code, b.purpose ORDER BY w.center_code")
                .params(holderRef, Date.valueOf(to.date()), to.halfDay().name())
                .query((rs, row) -> {
                    elsewhere.merge(rs.getString("center_code"), rs.getInt("seats"), Integer::sum);
                    purposes.add(rs.getString("purpose"));
                    return null;
                }).list();
        if (elsewhere.isEmpty()) {
            if (seatPlan(holderRef).isEmpty()) {
                throw new IllegalStateException("holder " + holderRef + " has no seats to move");
            }
            return;
        }
        // Booked while the old seats still stand, so that each center's new seats join its existing session code.
        book(holderRef, BookingPurpose.valueOf(purposes.get(0)), to, elsewhere, crossProvinceOnly);
        jdbc.sql("DELETE FROM workstation_booking WHERE holder_ref = ? AND NOT (eval_date = ? AND half_day = ?)")
                .params(holderRef, Date.valueOf(to.date()), to.halfDay().name()).update();
    }

    @Override
    @Transactional
    public int release(String holderRef) {
        return jdbc.sql("DELETE FROM workstation_booking WHERE holder_ref = ?").param(holderRef).update();
    }

    /** A booked seat on one workstation, as the directory needs it when the workstation goes out of service. */
    record SeatOnWorkstation(long bookingId, Slot slot, BookingPurpose purpose) {

        /** Seats of cross-province evaluations stay on cross-province workstations. */
        boolean needsCrossProvince() {
            return purpose == BookingPurpose.PARTNER_HOSTING || purpose == BookingPurpose.CROSS_PROVINCE_MAIN_VENUE;
        }
    }

    List<SeatOnWorkstation> seatsOn(long workstationId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT id, eval_date, half_day, purpose FROM workstation_booking WHERE workstation_id = ? "
                + "AND eval_date >= ? AND eval_date <= ? ORDER BY eval_date, half_day")
                .params(workstationId, Date.valueOf(from), Date.valueOf(to))
                .query((rs, row) -> new SeatOnWorkstation(rs.getLong("id"),
                        new Slot(rs.getDate("eval_date").toLocalDate(), HalfDay.valueOf(rs.getString("half_day"))),
                        BookingPurpose.valueOf(rs.getString("purpose"))))
                .list();
    }

    /**
     * Moves a seat to the lowest free workstation of the same center for its slot, under the slot
     * lock; the holder and the session code stay. Answers false when the center has none free.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean moveSeat(SeatOnWorkstation seat, String centerCode) {
        lockSlotInCurrentTransaction(seat.slot());
        List<Long> free = jdbc.sql(USABLE + (seat.needsCrossProvince() ? CROSS_PROVINCE : "")
                + " AND w.center_code = :center ORDER BY w.code")
                .param("day", Date.valueOf(seat.slot().date())).param("halfDay", seat.slot().halfDay().name())
                .param("center", centerCode).query((rs, row) -> rs.getLong("id")).list();
        if (free.isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE workstation_booking SET workstation_id = ? WHERE id = ?").params(free.get(0), seat.bookingId())
                .update();
        return true;
    }

    /** A sub-venue's view of what it hosts: anonymous session codes with their slot and seat count. */
    record Session(String sessionCode, LocalDate date, HalfDay halfDay, int seats) {
    }

    List<Session> sessionsAt(String centerCode, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT b.session_code, b.eval_date, b.half_day, COUNT(*) AS seats FROM workstation_booking b "
                + "JOIN workstation w ON w.id = b.workstation_id WHERE w.center_code = ? AND b.eval_date >= ? "
                + "AND b.eval_date <= ? GROUP BY b.session_code, b.eval_date, b.half_day "
                + "ORDER BY b.eval_date, b.half_day, b.session_code")
                .params(centerCode, Date.valueOf(from), Date.valueOf(to))
                .query((rs, row) -> new Session(rs.getString("session_code"), rs.getDate("eval_date").toLocalDate(),
                        HalfDay.valueOf(rs.getString("half_day")), rs.getInt("seats")))
                .list();
    }
}
