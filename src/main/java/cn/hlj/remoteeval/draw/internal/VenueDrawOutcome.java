package cn.hlj.remoteeval.draw.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of a venue draw: the seats per center (main venue included) and the sub-venues in
 * the order they were picked; or no random pick at all. Its canonical text is the seat map (see
 * {@link Canonical}, center code → seats, centers without seats left out) or {@value #NO_RANDOM_PICK}.
 */
record VenueDrawOutcome(boolean drawn, int mainSeats, List<String> subVenuesInPickOrder,
        SortedMap<String, Integer> seatsByCenter) {

    static final String NO_RANDOM_PICK = "NO_RANDOM_PICK";

    VenueDrawOutcome {
        subVenuesInPickOrder = List.copyOf(subVenuesInPickOrder);
        seatsByCenter = Collections.unmodifiableSortedMap(new TreeMap<>(seatsByCenter));
    }

    static VenueDrawOutcome noRandomPick() {
        return new VenueDrawOutcome(false, 0, List.of(), new TreeMap<>());
    }

    static VenueDrawOutcome drawn(String mainCenter, int mainSeats, List<String> picks, Map<String, Integer> subVenueSeats) {
        SortedMap<String, Integer> seats = new TreeMap<>(subVenueSeats);
        if (mainSeats > 0) {
            seats.put(mainCenter, mainSeats);
        }
        return new VenueDrawOutcome(true, mainSeats, picks, seats);
    }

    String canonical() {
        return drawn ? Canonical.encodeCounts(seatsByCenter) : NO_RANDOM_PICK;
    }
}
