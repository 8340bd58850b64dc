package cn.hlj.remoteeval.draw.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The expert draw, version {@value #ID}: fills a tender's expert seats at the main venue and the
 * sub-venues with experts of the requested specialties. Deterministic given the seed, the request
 * and the eligible list, so that anyone can recompute it from a revealed record. It serves the first
 * draw and every supplementary draw (补抽) alike.
 *
 * <p><b>Inputs.</b> From the request (record field {@code request}, see {@link ExpertDrawRequest}):
 * the seats {@code seats(c)} to fill per center {@code c}, the quotas {@code quota(s)} per specialty
 * {@code s} (both add up to {@code m >= 1}), the main venue {@code M}, {@code mainCityCap},
 * {@code mainCityAlreadySeated} and the locality. From the eligible list (record field
 * {@code eligible_list}, see {@link ExpertEligibleList}): every candidate left after the exclusions,
 * with its specialty and its city (所在地市, a center code). From the seed: the stream of
 * {@link RandomStream}. Codes are compared and sorted as strings of their characters, ascending.
 * An eligible list with a candidate of a specialty that has no quota is not one this algorithm
 * accepts (the draw is rejected as unreadable).
 *
 * <p><b>Definitions.</b>
 * <ul>
 * <li>{@code cap = max(0, mainCityCap − mainCityAlreadySeated)}: how many more experts whose city is
 *     {@code M} the draw may seat (anywhere).</li>
 * <li>A candidate of city {@code x} is <em>allowed</em> at center {@code c} when the locality is
 *     {@code PROVINCE}; with {@code SAME_CITY}, when {@code x = c}, and also, at {@code c = M} only,
 *     whatever {@code x} is if {@code seats(M) > cap} (the main venue has more seats than its own city
 *     may fill, so the excess comes from elsewhere). This is fixed by the request, for the whole draw.</li>
 * <li>A <em>group</em> {@code (s, x)} is the candidates of specialty {@code s} and city {@code x};
 *     groups are ordered by {@code s}, then {@code x}; inside a group, candidates by {@code expertRef}.</li>
 * <li>A state is: the quota left per specialty, the unused candidates per group, the seats left per
 *     center, the cap left. It is <em>completable</em> when all seats left can be filled, each by a
 *     distinct unused candidate allowed at its center, with exactly the quota left of each specialty
 *     and at most the cap left of city-{@code M} candidates. Equivalently (integral max-flow), the
 *     maximum flow of this network equals the number of seats left: source → specialty {@code s}
 *     (capacity: quota left of {@code s}) → group {@code (s, x)} (capacity: unused candidates of
 *     the group) → center {@code c}, for every center with seats left where {@code x} is allowed
 *     (unbounded) → sink (capacity: seats left at {@code c}); except that the groups of city
 *     {@code M}, of every specialty, reach the centers through one shared pair of nodes: group →
 *     {@code IN} (unbounded) → {@code OUT} (capacity: the cap left) → center (unbounded).
 *     Completable is a yes-or-no property of the state: any correct method (by hand, exhaustive
 *     search) gives the same answer, so the flow is how it is computed, not part of the definition.</li>
 * </ul>
 *
 * <p><b>Steps.</b>
 * <ol>
 * <li>If the initial state is not completable, the result is {@value ExpertDrawOutcome#NO_RANDOM_PICK}
 *     with the first of these reasons that holds: {@code specialty=s} for the first specialty {@code s}
 *     with fewer candidates allowed at some center with seats than its quota; {@code center=c} for the
 *     first center {@code c} with fewer candidates (of any specialty) allowed at it than its seats
 *     (both counts ignore the cap);
 *     {@code main-city-cap} when the candidates allowed at some center, counting those of city
 *     {@code M} at most {@code cap} times, are fewer than {@code m}; otherwise {@code combination}.
 *     No stream bytes are used.</li>
 * <li>Otherwise the seats are filled one by one in this order: centers by code, and at each center
 *     {@code c} its {@code seats(c)} seats one after another; they are numbered 1..m in that order.
 *     For the seat at center {@code c}:
 *     <ol>
 *     <li>a group {@code (s, x)} is <em>feasible</em> when {@code s} has quota left, the group has an
 *         unused candidate, {@code x} is allowed at {@code c}, the cap left is at least 1 if
 *         {@code x = M}, and the state after seating one of its candidates at {@code c} (quota of
 *         {@code s}, unused of the group, seats left at {@code c} each one less, and the cap left one
 *         less if {@code x = M}) is completable;</li>
 *     <li>{@code candidates} = the unused candidates of the feasible groups, groups in their order
 *         and candidates in theirs; {@code j = nextInt(|candidates|)} of {@link RandomStream} (4 bytes,
 *         rejection sampling; read also when there is only one); the seat goes to {@code candidates[j]}, which becomes used, and the state is updated
 *         as above.</li>
 *     </ol>
 *     A completable state always has a feasible group for its next seat (a maximum flow sends one
 *     unit into that seat's center through some group), so every seat is filled.</li>
 * </ol>
 *
 * <p><b>Guarantees.</b> Exactly {@code m} distinct experts; {@code quota(s)} of each specialty;
 * {@code seats(c)} at each center, each allowed there; at most {@code cap} of city {@code M}. Each
 * seat's pick is uniform among the candidates that keep the draw completable.
 *
 * <p><b>Result text.</b> See {@link ExpertDrawOutcome}: {@code seatNo=center|specialty|expertRef}
 * per seat, or {@value ExpertDrawOutcome#NO_RANDOM_PICK} and the reason.
 */
@Component
class ExpertDrawAlgorithm implements DrawAlgorithm {

    static final String ID = "expert-draw/v1";

    /** The same picks on a seed of seed derivation v2 (a notice and entropy); see {@link DrawAlgorithm#versions()}. */
    static final String ID_V2 = "expert-draw/v2";

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
        return draw(seed.stream(), ExpertDrawRequest.parse(request), ExpertEligibleList.decode(eligibleList)).canonical();
    }

    ExpertDrawOutcome draw(RandomStream stream, ExpertDrawRequest request, List<EligibleExpert> eligible) {
        return new Run(request, eligible).draw(stream);
    }

    /** One draw's state: the published steps with counts precomputed per group, so the flow runs per group, not per expert. */
    private static final class Run {

        private final String main;
        private final List<String> specialties;
        private final List<String> centers;
        private final List<Group> groups = new ArrayList<>();
        /** Allowed at each center for candidates of city M, through the shared node. */
        private final boolean[] mainCityAllowedAt;
        private final int[] quotaLeft;
        private final int[] seatsLeft;
        private int capLeft;
        private int seatsLeftTotal;

        Run(ExpertDrawRequest request, List<EligibleExpert> eligible) {
            main = request.mainCenter();
            specialties = List.copyOf(request.quotas().keySet());
            centers = List.copyOf(request.seats().keySet());
            capLeft = request.remainingMainCityCap();
            quotaLeft = specialties.stream().mapToInt(s -> request.quotas().get(s)).toArray();
            seatsLeft = centers.stream().mapToInt(c -> request.seats().get(c)).toArray();
            seatsLeftTotal = request.expertCount();
            boolean mainOpen = request.locality() == Locality.SAME_CITY && request.seats().getOrDefault(main, 0) > capLeft;

            Map<String, Map<String, List<String>>> bySpecialtyAndCity = new TreeMap<>();
            Set<String> seen = new HashSet<>();
            for (EligibleExpert expert : eligible) {
                if (!request.quotas().containsKey(expert.specialty())) {
                    throw new IllegalArgumentException("an eligible expert has a specialty without quota");
                }
                if (!seen.add(expert.expertRef())) {
                    throw new IllegalArgumentException("an expert is listed twice");
                }
                bySpecialtyAndCity.computeIfAbsent(expert.specialty(), s -> new TreeMap<>())
                        .computeIfAbsent(expert.city(), x -> new ArrayList<>()).add(expert.expertRef());
            }
            bySpecialtyAndCity.forEach((specialty, byCity) -> byCity.forEach((city, refs) -> {
                boolean[] allowedAt = new boolean[centers.size()];
                for (int c = 0; c < centers.size(); c++) {
                    String center = centers.get(c);
                    allowedAt[c] = request.locality() == Locality.PROVINCE || city.equals(center)
                            || (mainOpen && center.equals(main));
                }
                refs.sort(null);
                groups.add(new Group(specialties.indexOf(specialty), specialty, city, city.equals(main), allowedAt, refs));
            }));
            mainCityAllowedAt = new boolean[centers.size()];
            for (int c = 0; c < centers.size(); c++) {
                mainCityAllowedAt[c] = request.locality() == Locality.PROVINCE || centers.get(c).equals(main);
            }
        }

        ExpertDrawOutcome draw(RandomStream stream) {
            if (!completable()) {
                return ExpertDrawOutcome.noRandomPick(reason());
            }
            List<DrawnSeat> drawn = new ArrayList<>();
            int seatNo = 0;
            for (int c = 0; c < centers.size(); c++) {
                while (seatsLeft[c] > 0) {
                    List<Group> feasible = new ArrayList<>();
                    int count = 0;
                    for (Group group : groups) {
                        if (feasible(group, c)) {
                            feasible.add(group);
                            count += group.unused.size();
                        }
                    }
                    if (count == 0) {
                        throw new IllegalStateException("a completable state without a feasible group");
                    }
                    int j = stream.nextInt(count);
                    Group chosen = null;
                    for (Group group : feasible) {
                        if (j < group.unused.size()) {
                            chosen = group;
                            break;
                        }
                        j -= group.unused.size();
                    }
                    String expertRef = chosen.unused.remove(j);
                    take(chosen, c, 1);
                    drawn.add(new DrawnSeat(++seatNo, centers.get(c), chosen.specialty, expertRef));
                }
            }
            return ExpertDrawOutcome.drawn(drawn);
        }

        private boolean feasible(Group group, int c) {
            if (quotaLeft[group.specialtyIndex] == 0 || group.unusedCount == 0 || !group.allowedAt[c]
                    || (group.mainCity && capLeft == 0)) {
                return false;
            }
            take(group, c, 1);
            boolean completable = completable();
            take(group, c, -1);
            return completable;
        }

        /** Counts only; the caller moves the expert itself. Negative to undo a tentative take. */
        private void take(Group group, int c, int n) {
            quotaLeft[group.specialtyIndex] -= n;
            group.unusedCount -= n;
            seatsLeft[c] -= n;
            seatsLeftTotal -= n;
            if (group.mainCity) {
                capLeft -= n;
            }
        }

        private boolean completable() {
            if (seatsLeftTotal == 0) {
                return true;
            }
            int source = 0;
            int sink = 1;
            int mainCityIn = 2;
            int mainCityOut = 3;
            int firstSpecialty = 4;
            int firstCenter = firstSpecialty + specialties.size();
            int firstGroup = firstCenter + centers.size();
            MaxFlow network = new MaxFlow(firstGroup + groups.size());
            for (int s = 0; s < specialties.size(); s++) {
                network.addEdge(source, firstSpecialty + s, quotaLeft[s]);
            }
            network.addEdge(mainCityIn, mainCityOut, capLeft);
            for (int c = 0; c < centers.size(); c++) {
                if (seatsLeft[c] > 0) {
                    network.addEdge(firstCenter + c, sink, seatsLeft[c]);
                    if (mainCityAllowedAt[c]) {
                        network.addEdge(mainCityOut, firstCenter + c, MaxFlow.UNBOUNDED);
                    }
                }
            }
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                if (group.unusedCount == 0 || quotaLeft[group.specialtyIndex] == 0) {
                    continue;
                }
                int node = firstGroup + g;
                network.addEdge(firstSpecialty + group.specialtyIndex, node, group.unusedCount);
                if (group.mainCity) {
                    // One cap for every specialty: all city-M flow passes the single edge mainCityIn → mainCityOut.
                    network.addEdge(node, mainCityIn, MaxFlow.UNBOUNDED);
                    continue;
                }
                for (int c = 0; c < centers.size(); c++) {
                    if (group.allowedAt[c] && seatsLeft[c] > 0) {
                        network.addEdge(node, firstCenter + c, MaxFlow.UNBOUNDED);
                    }
                }
            }
            return network.maxFlow(source, sink, seatsLeftTotal) == seatsLeftTotal;
        }

        private String reason() {
            for (int s = 0; s < specialties.size(); s++) {
                int usable = 0;
                for (Group group : groups) {
                    if (group.specialtyIndex == s && allowedSomewhere(group)) {
                        usable += group.unusedCount;
                    }
                }
                if (usable < quotaLeft[s]) {
                    return "specialty=" + specialties.get(s);
                }
            }
            for (int c = 0; c < centers.size(); c++) {
                int usable = 0;
                for (Group group : groups) {
                    if (group.allowedAt[c]) {
                        usable += group.unusedCount;
                    }
                }
                if (usable < seatsLeft[c]) {
                    return "center=" + centers.get(c);
                }
            }
            int usable = 0;
            int mainCity = 0;
            for (Group group : groups) {
                if (allowedSomewhere(group)) {
                    if (group.mainCity) {
                        mainCity += group.unusedCount;
                    } else {
                        usable += group.unusedCount;
                    }
                }
            }
            if (usable + Math.min(mainCity, capLeft) < seatsLeftTotal) {
                return "main-city-cap";
            }
            return "combination";
        }

        private static boolean allowedSomewhere(Group group) {
            for (boolean allowed : group.allowedAt) {
                if (allowed) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Group {
        final int specialtyIndex;
        final String specialty;
        final boolean mainCity;
        final boolean[] allowedAt;
        final List<String> unused;
        int unusedCount;

        Group(int specialtyIndex, String specialty, String city, boolean mainCity, boolean[] allowedAt, List<String> unused) {
            this.specialtyIndex = specialtyIndex;
            this.specialty = specialty;
            this.mainCity = mainCity;
            this.allowedAt = allowedAt;
            this.unused = unused;
            this.unusedCount = unused.size();
        }
    }
}
