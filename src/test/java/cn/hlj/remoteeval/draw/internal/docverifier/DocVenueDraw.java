package cn.hlj.remoteeval.draw.internal.docverifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sub-venue draw {@code venue-draw/v1}, written from venue-draw-v1.md alone. */
final class DocVenueDraw {

    static final String NO_RANDOM_PICK = "NO_RANDOM_PICK";

    private static final Set<String> REQUEST_KEYS = Set.of("committeeSize", "evaluationDate", "halfDay",
            "mainCenter", "mainVenueShare", "maxCenterShare", "minSubVenueCenters");
    private static final Pattern FRACTION = Pattern.compile("([0-9]{1,6})/([0-9]{1,6})");

    private DocVenueDraw() {
    }

    /** §6: the result text recomputed from the seed and the record's texts, or null when a text is refused. */
    static String recompute(byte[] seed, String requestText, String eligibleListText) {
        Map<String, String> request = DocCanonical.decode(requestText);
        Map<String, String> eligible = DocCanonical.decode(eligibleListText);
        if (request == null || eligible == null || !request.keySet().equals(REQUEST_KEYS)) {
            return null;
        }
        long n = DocCanonical.count(request.get("committeeSize"));
        long minSub = DocCanonical.count(request.get("minSubVenueCenters"));
        long[] maxShare = fraction(request.get("maxCenterShare"));
        long[] mainShare = fraction(request.get("mainVenueShare"));
        String main = request.get("mainCenter");
        if (n < 1 || minSub < 2 || maxShare == null || mainShare == null
                || !(maxShare[0] > 0 && 2 * maxShare[0] <= maxShare[1])
                || mainShare[0] > mainShare[1]
                || !DocCanonical.isSlot(request.get("evaluationDate"), request.get("halfDay"))) {
            return null;
        }
        TreeMap<String, Long> free = new TreeMap<>();
        for (Map.Entry<String, String> line : eligible.entrySet()) {
            long count = DocCanonical.count(line.getValue());
            if (count < 0) {
                return null;
            }
            free.put(line.getKey(), count);
        }
        return draw(n, main, minSub, maxShare, mainShare, free, new DocStream(seed));
    }

    private static String draw(long n, String main, long minSub, long[] maxShare, long[] mainShare,
            TreeMap<String, Long> free, DocStream stream) {
        long cap = n * maxShare[0] / maxShare[1];
        if (cap < 1) {
            return NO_RANDOM_PICK;
        }
        long mainSeats = Math.min(Math.min(n * mainShare[0] / mainShare[1], free.getOrDefault(main, 0L)), cap);
        long r = n - mainSeats;
        List<String> others = new ArrayList<>(free.keySet());
        others.remove(main);
        long from = Math.max(minSub, ceil(r, cap));
        long to = Math.min(r, others.size());
        for (long k = from; k <= to; k++) {
            long need = ceil(r, k);
            List<String> eligible = new ArrayList<>();
            for (String c : others) {
                if (free.get(c) >= need) {
                    eligible.add(c);
                }
            }
            if (eligible.size() >= k) {
                List<String> picks = stream.uniformPick(eligible, (int) k);
                TreeMap<String, String> seats = new TreeMap<>();
                for (int i = 0; i < k; i++) {
                    seats.put(picks.get(i), Long.toString(i < r % k ? need : r / k));
                }
                if (mainSeats > 0) {
                    seats.put(main, Long.toString(mainSeats));
                }
                return DocCanonical.encode(seats);
            }
        }
        return NO_RANDOM_PICK;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long[] fraction(String value) {
        Matcher m = value == null ? null : FRACTION.matcher(value);
        if (m == null || !m.matches() || Long.parseLong(m.group(2)) == 0) {
            return null;
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }
}
