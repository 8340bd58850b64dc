package cn.hlj.remoteeval.draw.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The venue draw, version {@value #ID}. Deterministic given the seed, the request and the
 * free-seat snapshot of all centers, so that anyone can recompute it from a revealed record.
 *
 * <p><b>Inputs.</b> From the request (record field {@code request}, see {@link VenueDrawRequest}):
 * committee size {@code n}, main venue {@code M}, {@code minSubVenueCenters}, {@code maxCenterShare}
 * and {@code mainVenueShare} (fractions {@code a/b}). From the eligible list (record field
 * {@code eligible_list}, a {@link Canonical} text {@code centerCode=freeSeats} per center): the free
 * workstations {@code free(c)} of every center {@code c} for the slot, taken under the slot lock
 * just before the draw; a center missing from it has 0. From the seed: the stream of
 * {@link RandomStream}.
 *
 * <p><b>Steps.</b> All divisions are exact integer arithmetic.
 * <ol>
 * <li>{@code cap = floor(n × maxCenterShare)}: the most seats any one center may host. If
 *     {@code cap < 1} the result is {@value VenueDrawOutcome#NO_RANDOM_PICK}.</li>
 * <li>{@code mainSeats = min(floor(n × mainVenueShare), free(M), cap)}; {@code r = n − mainSeats}
 *     seats go to sub-venues.</li>
 * <li>{@code others} = every center of the eligible list except {@code M}, sorted by center code
 *     ascending.</li>
 * <li>For {@code k} from {@code max(minSubVenueCenters, ceil(r / cap))} up to
 *     {@code min(r, |others|)}, in increasing order:
 *     <ol>
 *     <li>{@code need = ceil(r / k)};</li>
 *     <li>{@code eligible} = the centers of {@code others} with {@code free(c) >= need}, in the
 *         same order;</li>
 *     <li>if {@code |eligible| >= k}: pick {@code k} of them with {@link UniformPick} (partial
 *         Fisher–Yates on the stream: for {@code i = 0..k−1}, {@code j = i + nextInt(|eligible| − i)},
 *         swap positions {@code i} and {@code j}; the picks are positions {@code 0..k−1}). The first
 *         {@code r mod k} picks host {@code need} seats, the others {@code floor(r / k)} (so all host
 *         {@code need} when {@code r mod k = 0}). The result is these seats plus {@code mainSeats}
 *         at {@code M} (left out when 0). Stop.</li>
 *     <li>otherwise try the next {@code k}; no stream bytes were used.</li>
 *     </ol></li>
 * <li>If no {@code k} worked the result is {@value VenueDrawOutcome#NO_RANDOM_PICK}: the
 *     fallback (协商确定), and the record shows why it was justified.</li>
 * </ol>
 *
 * <p><b>Guarantees.</b> A drawn result has at least {@code minSubVenueCenters} sub-venues, never
 * {@code M} among them; no center above {@code cap} (since {@code k >= ceil(r / cap)} gives
 * {@code need <= cap}); every sub-venue with at least 1 seat (since {@code k <= r}) and no more than
 * its free seats; and seats summing to {@code n}.
 *
 * <p><b>Result text.</b> {@link Canonical} text of {@code centerCode=seats} for every center with
 * seats, or {@value VenueDrawOutcome#NO_RANDOM_PICK}.
 */
@Component
class VenueDrawAlgorithm implements DrawAlgorithm {

    static final String ID = "venue-draw/v1";

    /** The same picks on a seed of seed derivation v2 (a notice and entropy); see {@link DrawAlgorithm#versions()}. */
    static final String ID_V2 = "venue-draw/v2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public java.util.Set<String> versions() {
        return java.util.Set.of(ID, ID_V2);
    }

    @Override
    public String recompute(DrawSeed seed, String request, String eligibleList) {
        return draw(seed.stream(), VenueDrawRequest.parse(request), Canonical.decodeCounts(eligibleList)).canonical();
    }

    VenueDrawOutcome draw(RandomStream stream, VenueDrawRequest request, Map<String, Integer> freeSeats) {
        return draw(stream, request, freeSeats, UniformPick::pick);
    }

    /** The picker is a parameter only so that a test can show a biased one failing the uniformity check. */
    VenueDrawOutcome draw(RandomStream stream, VenueDrawRequest request, Map<String, Integer> freeSeats, Picker picker) {
        int n = request.committeeSize();
        int cap = request.limits().centerCap(n);
        if (cap < 1) {
            return VenueDrawOutcome.noRandomPick();
        }
        SortedMap<String, Integer> free = new TreeMap<>(freeSeats);
        String main = request.mainCenter();
        int mainSeats = Math.min(Math.min(request.limits().mainVenueShare().floorOf(n), free.getOrDefault(main, 0)), cap);
        int r = n - mainSeats;
        List<String> others = new ArrayList<>(free.keySet());
        others.remove(main);
        int from = Math.max(request.limits().minSubVenueCenters(), ceilDiv(r, cap));
        int to = Math.min(r, others.size());
        for (int k = from; k <= to; k++) {
            int need = ceilDiv(r, k);
            List<String> eligible = new ArrayList<>();
            for (String center : others) {
                if (free.get(center) >= need) {
                    eligible.add(center);
                }
            }
            if (eligible.size() >= k) {
                List<String> picks = picker.pick(eligible, k, stream);
                Map<String, Integer> seats = new LinkedHashMap<>();
                for (int i = 0; i < picks.size(); i++) {
                    seats.put(picks.get(i), i < r % k ? need : r / k);
                }
                return VenueDrawOutcome.drawn(main, mainSeats, picks, seats);
            }
        }
        return VenueDrawOutcome.noRandomPick();
    }

    private static int ceilDiv(int a, int b) {
        return Math.floorDiv(a + b - 1, b);
    }

    @FunctionalInterface
    interface Picker {
        List<String> pick(List<String> candidatesInCanonicalOrder, int k, RandomStream stream);
    }
}
