package cn.hlj.remoteeval.venue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bookings of workstations per slot. A database unique constraint on (workstation, date,
 * half-day) makes a double booking impossible, whatever the number of nodes; the slot lock only
 * keeps concurrent draws for one slot from racing each other to that constraint.
 */
public interface SeatBookings {

    /**
     * Free workstations per center for the slot: registered, in service on the date and not
     * booked. Every center of the province appears, with 0 when it has none.
     *
     * @param crossProvinceOnly count only workstations that support cross-province evaluation
     */
    Map<String, Integer> freeSeats(Slot slot, boolean crossProvinceOnly);

    /**
     * Blocks every other caller of this method for the same slot, on any node, until the
     * caller's transaction ends. Must run inside a transaction. Never inserts: the lock rows
     * exist from the start, so no slot needs preparing and no second connection is taken.
     */
    void lockSlot(Slot slot);

    /**
     * Books the given number of seats per center for the holder (a tender id or a hosting id),
     * all or nothing, inside the caller's transaction. The directory chooses the workstations.
     *
     * @throws SeatsUnavailable when a center has fewer free workstations than asked for
     */
    void book(String holderRef, BookingPurpose purpose, Slot slot, Map<String, Integer> seatsByCenter,
            boolean crossProvinceOnly);

    /**
     * Moves every seat the holder booked to another slot, at the same centers and under the same session
     * codes (a code that left the province stays valid), all or nothing, inside the caller's transaction.
     * Nothing changes when the holder's seats are in that slot already.
     *
     * @throws SeatsUnavailable when a center has fewer free workstations in the new slot than the holder has
     *         there; nothing was changed
     * @throws IllegalStateException when the holder booked nothing
     */
    void rebook(String holderRef, Slot to, boolean crossProvinceOnly);

    /** Frees every seat the holder booked; answers how many were freed (0 when none). */
    int release(String holderRef);

    /** The seats the holder booked, per center (an empty map when none): the tender's venue plan. */
    Map<String, Integer> seatPlan(String holderRef);

    /**
     * The holder of an anonymous session code at a center, so that a sub-venue's staff can act on
     * the session they host without ever learning the tender; empty for an unknown code.
     */
    Optional<String> holderOfSession(String centerCode, String sessionCode);

    /** The session code under which the center hosts the holder's seats; empty when it hosts none. */
    Optional<String> sessionCodeOf(String holderRef, String centerCode);

    /**
     * Every session of the holder, one per center that hosts its seats, the main venue's included,
     * ordered by session code (so that the order says nothing about the centers).
     */
    List<VenueSession> sessionsOf(String holderRef);

    /** The center that hosts an anonymous session; empty for an unknown code. */
    Optional<String> centerOfSession(String sessionCode);

    /**
     * The sessions of each holder as {@link #sessionsOf(String)} answers them, for reports over many
     * holders at once; a holder without seats is left out.
     */
    default Map<String, List<VenueSession>> sessionsOfAll(Collection<String> holderRefs) {
        Map<String, List<VenueSession>> sessions = new LinkedHashMap<>();
        for (String holderRef : holderRefs) {
            List<VenueSession> of = sessionsOf(holderRef);
            if (!of.isEmpty()) {
                sessions.put(holderRef, of);
            }
        }
        return sessions;
    }

    /**
     * The center of each session code as {@link #centerOfSession(String)} answers it, for reports over
     * many sessions at once; an unknown code is left out.
     */
    default Map<String, String> centersOfSessions(Collection<String> sessionCodes) {
        Map<String, String> centers = new LinkedHashMap<>();
        for (String sessionCode : sessionCodes) {
            centerOfSession(sessionCode).ifPresent(center -> centers.put(sessionCode, center));
        }
        return centers;
    }

    /** A center's share of a holder's seats under its anonymous session code. */
    record VenueSession(String sessionCode, String centerCode, int seats) {
    }
}
