package cn.hlj.remoteeval.draw.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/**
 * What a venue draw was asked for: the committee size, the main venue, the slot and the
 * seat-plan limits in force. Its canonical text (see {@link Canonical}) has exactly the keys
 * {@code committeeSize}, {@code evaluationDate} (ISO date), {@code halfDay} ({@code AM}/{@code PM}),
 * {@code mainCenter}, {@code mainVenueShare} and {@code maxCenterShare} ({@code a/b}) and
 * {@code minSubVenueCenters}.
 */
record VenueDrawRequest(int committeeSize, String mainCenter, Slot slot, SeatPlanLimits limits) {

    private static final Set<String> KEYS = Set.of("committeeSize", "evaluationDate", "halfDay", "mainCenter",
            "mainVenueShare", "maxCenterShare", "minSubVenueCenters");

    VenueDrawRequest {
        if (committeeSize < 1) {
            throw new IllegalArgumentException("committee size must be at least 1");
        }
        Objects.requireNonNull(mainCenter, "mainCenter");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(limits, "limits");
    }

    String canonical() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("committeeSize", Integer.toString(committeeSize));
        entries.put("evaluationDate", slot.date().toString());
        entries.put("halfDay", slot.halfDay().name());
        entries.put("mainCenter", mainCenter);
        entries.put("mainVenueShare", limits.mainVenueShare().toString());
        entries.put("maxCenterShare", limits.maxCenterShare().toString());
        entries.put("minSubVenueCenters", Integer.toString(limits.minSubVenueCenters()));
        return Canonical.encode(entries);
    }

    static VenueDrawRequest parse(String text) {
        SortedMap<String, String> entries = Canonical.decode(text);
        if (!entries.keySet().equals(KEYS)) {
            throw new IllegalArgumentException("not a venue draw request");
        }
        try {
            SeatPlanLimits limits = new SeatPlanLimits(Canonical.count("minSubVenueCenters", entries.get("minSubVenueCenters")),
                    Fraction.parse(entries.get("maxCenterShare")), Fraction.parse(entries.get("mainVenueShare")));
            Slot slot = new Slot(LocalDate.parse(entries.get("evaluationDate")), HalfDay.valueOf(entries.get("halfDay")));
            return new VenueDrawRequest(Canonical.count("committeeSize", entries.get("committeeSize")),
                    entries.get("mainCenter"), slot, limits);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a venue draw request", e);
        }
    }
}
