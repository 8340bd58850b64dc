package cn.hlj.remoteeval.draw.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/**
 * What an expert draw (first or supplementary) was asked for. Its canonical text (see
 * {@link Canonical}) has exactly the keys {@code committeeSize}, {@code evaluationDate} (ISO date),
 * {@code halfDay} ({@code AM}/{@code PM}), {@code locality} ({@code SAME_CITY}/{@code PROVINCE}),
 * {@code mainCenter}, {@code mainCityAlreadySeated}, {@code mainCityCap}, {@code quotas} and
 * {@code seats}; the last two are inline counts sorted by code, e.g. {@code seats=HRB:2,MDJ:3}
 * and {@code quotas=A0101:4,B02:1}.
 *
 * @param committeeSize the whole committee, the tenderer's representatives included
 * @param mainCityCap the most experts of the committee whose 所在地市 is the main center (the caller
 *        computes it from the configured share, e.g. floor(n / 3))
 * @param mainCityAlreadySeated experts of the main center's city already on the committee: 0 for a
 *        first draw; those still seated for a supplementary draw
 * @param seats expert seats to fill per center code, each at least 1
 * @param quotas experts to draw per specialty code, each at least 1; the same total as the seats
 */
record ExpertDrawRequest(int committeeSize, String mainCenter, int mainCityCap, int mainCityAlreadySeated,
        Locality locality, Slot slot, SortedMap<String, Integer> seats, SortedMap<String, Integer> quotas) {

    private static final Set<String> KEYS = Set.of("committeeSize", "evaluationDate", "halfDay", "locality", "mainCenter",
            "mainCityAlreadySeated", "mainCityCap", "quotas", "seats");

    ExpertDrawRequest {
        Objects.requireNonNull(locality, "locality");
        Objects.requireNonNull(slot, "slot");
        if (!Canonical.isKey(mainCenter)) {
            throw new IllegalArgumentException("main center must be a code");
        }
        seats = counts("seat", seats);
        quotas = counts("quota", quotas);
        long experts = total(seats);
        if (experts != total(quotas)) {
            throw new IllegalArgumentException("the seats (" + experts + ") and the quotas (" + total(quotas)
                    + ") must add up to the same number of experts");
        }
        if (mainCityCap < 0 || mainCityAlreadySeated < 0) {
            throw new IllegalArgumentException("the main-city cap and the experts already seated are zero or more");
        }
        if (committeeSize < experts + mainCityAlreadySeated || mainCityCap > committeeSize) {
            throw new IllegalArgumentException("committee size " + committeeSize + " is too small for the request");
        }
    }

    /** The experts to draw: the sum of the seats, and of the quotas. */
    int expertCount() {
        return (int) total(seats);
    }

    /** How many more experts of the main center's city the draw may add; never negative. */
    int remainingMainCityCap() {
        return Math.max(0, mainCityCap - mainCityAlreadySeated);
    }

    String canonical() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("committeeSize", Integer.toString(committeeSize));
        entries.put("evaluationDate", slot.date().toString());
        entries.put("halfDay", slot.halfDay().name());
        entries.put("locality", locality.name());
        entries.put("mainCenter", mainCenter);
        entries.put("mainCityAlreadySeated", Integer.toString(mainCityAlreadySeated));
        entries.put("mainCityCap", Integer.toString(mainCityCap));
        entries.put("quotas", Canonical.encodeInlineCounts(quotas));
        entries.put("seats", Canonical.encodeInlineCounts(seats));
        return Canonical.encode(entries);
    }

    /** The request of a canonical text; rejects a text with a missing or unknown key, or one {@link #canonical} would not write. */
    static ExpertDrawRequest parse(String text) {
        SortedMap<String, String> entries = Canonical.decode(text);
        if (!entries.keySet().equals(KEYS)) {
            throw new IllegalArgumentException("not an expert draw request");
        }
        ExpertDrawRequest request;
        try {
            Slot slot = new Slot(LocalDate.parse(entries.get("evaluationDate")), HalfDay.valueOf(entries.get("halfDay")));
            request = new ExpertDrawRequest(Canonical.count("committeeSize", entries.get("committeeSize")),
                    entries.get("mainCenter"), Canonical.count("mainCityCap", entries.get("mainCityCap")),
                    Canonical.count("mainCityAlreadySeated", entries.get("mainCityAlreadySeated")),
                    Locality.valueOf(entries.get("locality")), slot, Canonical.decodeInlineCounts(entries.get("seats")),
                    Canonical.decodeInlineCounts(entries.get("quotas")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an expert draw request", e);
        }
        if (!request.canonical().equals(text)) {
            throw new IllegalArgumentException("not the canonical text of an expert draw request");
        }
        return request;
    }

    private static SortedMap<String, Integer> counts(String what, Map<String, Integer> counts) {
        Objects.requireNonNull(counts, what + "s");
        SortedMap<String, Integer> copy = new TreeMap<>();
        counts.forEach((code, count) -> {
            if (!Canonical.isKey(code)) {
                throw new IllegalArgumentException("a " + what + " is keyed by a code");
            }
            if (count == null || count < 1) {
                throw new IllegalArgumentException("each " + what + " count is at least 1");
            }
            copy.put(code, count);
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("at least one " + what);
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    private static long total(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }
}
