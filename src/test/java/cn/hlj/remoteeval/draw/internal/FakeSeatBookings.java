package cn.hlj.remoteeval.draw.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.SeatsUnavailable;
import cn.hlj.remoteeval.venue.Slot;

/** A hand-written directory of free seats per slot and center, with the all-or-nothing booking of the real one. */
class FakeSeatBookings implements SeatBookings {

    record Booking(String holderRef, BookingPurpose purpose, Slot slot, String center, int seats) {
    }

    private final Map<Slot, Map<String, Integer>> capacity = new HashMap<>();
    final List<Booking> bookings = new ArrayList<>();
    /** Every call, in order, e.g. "release t-1", "lockSlot 2031-01-01 AM", "freeSeats", "book". */
    final List<String> calls = new ArrayList<>();

    void capacity(Slot slot, Map<String, Integer> seatsPerCenter) {
        capacity.put(slot, new TreeMap<>(seatsPerCenter));
    }

    @Override
    public Map<String, Integer> freeSeats(Slot slot, boolean crossProvinceOnly) {
        calls.add("freeSeats " + slot);
        Map<String, Integer> free = new LinkedHashMap<>(capacity.getOrDefault(slot, Map.of()));
        for (Booking booking : bookings) {
            if (booking.slot().equals(slot)) {
                free.merge(booking.center(), -booking.seats(), Integer::sum);
            }
        }
        return free;
    }

    @Override
    public void lockSlot(Slot slot) {
        calls.add("lockSlot " + slot);
    }

    @Override
    public void book(String holderRef, BookingPurpose purpose, Slot slot, Map<String, Integer> seatsByCenter,
            boolean crossProvinceOnly) {
        calls.add("book " + holderRef);
        Map<String, Integer> free = freeSeats(slot, crossProvinceOnly);
        seatsByCenter.forEach((center, seats) -> {
            if (seats > free.getOrDefault(center, 0)) {
                throw new SeatsUnavailable(center, seats, free.getOrDefault(center, 0));
            }
        });
        seatsByCenter.forEach((center, seats) -> bookings.add(new Booking(holderRef, purpose, slot, center, seats)));
    }

    @Override
    public void rebook(String holderRef, Slot to, boolean crossProvinceOnly) {
        throw new UnsupportedOperationException("no draw moves a holder's seats");
    }

    @Override
    public int release(String holderRef) {
        calls.add("release " + holderRef);
        int released = bookings.stream().filter(b -> b.holderRef().equals(holderRef)).mapToInt(Booking::seats).sum();
        bookings.removeIf(b -> b.holderRef().equals(holderRef));
        return released;
    }

    @Override
    public Map<String, Integer> seatPlan(String holderRef) {
        return bookedBy(holderRef);
    }

    @Override
    public java.util.Optional<String> holderOfSession(String centerCode, String sessionCode) {
        return java.util.Optional.ofNullable(sessionCode.startsWith("RS-" + centerCode + "-") ? sessionCode.substring(4 + centerCode.length()) : null);
    }

    @Override
    public java.util.Optional<String> sessionCodeOf(String holderRef, String centerCode) {
        return bookedBy(holderRef).containsKey(centerCode) ? java.util.Optional.of("RS-" + centerCode + "-" + holderRef)
                : java.util.Optional.empty();
    }

    @Override
    public java.util.List<VenueSession> sessionsOf(String holderRef) {
        return bookedBy(holderRef).entrySet().stream()
                .map(e -> new VenueSession("RS-" + e.getKey() + "-" + holderRef, e.getKey(), e.getValue())).toList();
    }

    @Override
    public java.util.Optional<String> centerOfSession(String sessionCode) {
        return capacity.values().stream().flatMap(m -> m.keySet().stream()).distinct()
                .filter(center -> sessionCode.startsWith("RS-" + center + "-")).findFirst();
    }

    Map<String, Integer> bookedBy(String holderRef) {
        Map<String, Integer> booked = new TreeMap<>();
        bookings.stream().filter(b -> b.holderRef().equals(holderRef))
                .forEach(b -> booked.merge(b.center(), b.seats(), Integer::sum));
        return booked;
    }
}
