package cn.hlj.remoteeval.draw;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.hlj.remoteeval.venue.Slot;

/**
 * What a hosted expert draw is asked for.
 *
 * @param hostingId the hosting (the draw's records and invitations are keyed by it)
 * @param centerCode where the experts sit: the hosting's center (PROV, HRB or QQHR)
 * @param slot the session's date and half-day
 * @param seats one per expert, each with its own number (unique for the hosting) and specialty
 * @param excludedOrganisations the partner's tenderer and bidders: no expert employed by or related to one is drawn
 */
public record HostedDrawRequest(String hostingId, String centerCode, Slot slot, List<HostedSeat> seats,
        List<String> excludedOrganisations) {

    public HostedDrawRequest {
        Objects.requireNonNull(hostingId, "hostingId");
        Objects.requireNonNull(centerCode, "centerCode");
        Objects.requireNonNull(slot, "slot");
        seats = List.copyOf(seats);
        excludedOrganisations = excludedOrganisations == null ? List.of() : List.copyOf(excludedOrganisations);
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("a hosted draw has at least one seat");
        }
        Set<Integer> numbers = new HashSet<>();
        for (HostedSeat seat : seats) {
            if (!numbers.add(seat.seatNo())) {
                throw new IllegalArgumentException("seat " + seat.seatNo() + " is asked for twice");
            }
        }
    }

    /** One seat to fill: its number for the hosting (1..n) and the specialty of the expert. */
    public record HostedSeat(int seatNo, String specialtyCode) {

        public HostedSeat {
            if (seatNo < 1) {
                throw new IllegalArgumentException("seat numbers start at 1");
            }
            Objects.requireNonNull(specialtyCode, "specialtyCode");
        }
    }
}
