package cn.hlj.remoteeval.draw.internal.docverifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The expert draw {@code expert-draw/v1}, written from expert-draw-v1.md alone. */
final class DocExpertDraw {

    private static final Set<String> REQUEST_KEYS = Set.of("committeeSize", "evaluationDate", "halfDay",
            "locality", "mainCenter", "mainCityAlreadySeated", "mainCityCap", "quotas", "seats");
    private static final long INFINITE = Long.MAX_VALUE / 4;

    /** Group (s, x): the candidates of specialty s and city x, the unused ones by expertRef. */
    private record Group(String specialty, String city, List<String> unused) {
    }

    private final String main;
    private final boolean province;
    private final boolean mainOpen;
    private final List<String> specialties;
    private final List<String> centers;
    private final List<Group> groups = new ArrayList<>();
    private final TreeMap<String, Long> quotaLeft;
    private final TreeMap<String, Long> seatsLeft;
    private long capLeft;

    private DocExpertDraw(String main, boolean province, TreeMap<String, Long> quotas, TreeMap<String, Long> seats,
            long cap0, TreeMap<String, TreeMap<String, List<String>>> candidatesBySpecialtyAndCity) {
        this.main = main;
        this.province = province;
        this.quotaLeft = new TreeMap<>(quotas);
        this.seatsLeft = new TreeMap<>(seats);
        this.capLeft = cap0;
        this.specialties = List.copyOf(quotas.keySet());
        this.centers = List.copyOf(seats.keySet());
        this.mainOpen = !province && seats.getOrDefault(main, 0L) > cap0;
        candidatesBySpecialtyAndCity.forEach((s, byCity) -> byCity.forEach(
                (x, refs) -> groups.add(new Group(s, x, new ArrayList<>(refs)))));
    }

    /** §8: the result text recomputed from the seed and the record's texts, or null when a text is refused. */
    static String recompute(byte[] seed, String requestText, String eligibleListText) {
        Map<String, String> request = DocCanonical.decode(requestText);
        Map<String, String> eligible = DocCanonical.decode(eligibleListText);
        if (request == null || eligible == null || !request.keySet().equals(REQUEST_KEYS)) {
            return null;
        }
        long committeeSize = DocCanonical.count(request.get("committeeSize"));
        long alreadySeated = DocCanonical.count(request.get("mainCityAlreadySeated"));
        long mainCityCap = DocCanonical.count(request.get("mainCityCap"));
        TreeMap<String, Long> quotas = DocCanonical.inlineCounts(request.get("quotas"));
        TreeMap<String, Long> seats = DocCanonical.inlineCounts(request.get("seats"));
        String locality = request.get("locality");
        String main = request.get("mainCenter");
        if (committeeSize < 0 || alreadySeated < 0 || mainCityCap < 0 || quotas == null || seats == null
                || !Set.of("SAME_CITY", "PROVINCE").contains(locality)
                || !DocCanonical.KEY.matcher(main).matches()
                || !DocCanonical.isSlot(request.get("evaluationDate"), request.get("halfDay"))) {
            return null;
        }
        long m = total(seats);
        if (m != total(quotas) || committeeSize < m + alreadySeated || mainCityCap > committeeSize) {
            return null;
        }
        TreeMap<String, TreeMap<String, List<String>>> candidates = new TreeMap<>();
        for (Map.Entry<String, String> line : eligible.entrySet()) {
            String[] parts = line.getValue().split("\\|", -1);
            if (parts.length != 3 || !DocCanonical.KEY.matcher(parts[0]).matches()
                    || !Set.of("TECHNICAL", "ECONOMIC").contains(parts[1])
                    || !DocCanonical.KEY.matcher(parts[2]).matches() || !quotas.containsKey(parts[0])) {
                return null;
            }
            // decode() keeps the text's order, which is by expertRef
            candidates.computeIfAbsent(parts[0], s -> new TreeMap<>())
                    .computeIfAbsent(parts[2], x -> new ArrayList<>()).add(line.getKey());
        }
        long cap0 = Math.max(0, mainCityCap - alreadySeated);
        return new DocExpertDraw(main, "PROVINCE".equals(locality), quotas, seats, cap0, candidates)
                .draw(new DocStream(seed));
    }

    private String draw(DocStream stream) {
        if (!completable()) {
            return "NO_RANDOM_PICK " + reason();
        }
        TreeMap<String, String> result = new TreeMap<>();
        int seatNo = 0;
        for (String c : centers) {
            long seatsAtCenter = seatsLeft.get(c);
            for (long t = 0; t < seatsAtCenter; t++) {
                List<String> candidates = new ArrayList<>();
                List<Group> groupOf = new ArrayList<>();
                for (Group g : groups) {
                    if (quotaLeft.get(g.specialty()) > 0 && !g.unused().isEmpty() && allowed(g.city(), c)
                            && (!isMainCity(g) || capLeft >= 1) && completableAfterTaking(g, c)) {
                        for (String ref : g.unused()) {
                            candidates.add(ref);
                            groupOf.add(g);
                        }
                    }
                }
                if (candidates.isEmpty()) {
                    throw new IllegalStateException("a completable state without a feasible group");
                }
                int j = stream.nextInt(candidates.size());
                Group g = groupOf.get(j);
                String ref = candidates.get(j);
                g.unused().remove(ref);
                take(g, c, +1);
                seatNo++;
                result.put(Integer.toString(seatNo), c + "|" + g.specialty() + "|" + ref);
            }
        }
        return DocCanonical.encode(result);
    }

    private boolean isMainCity(Group g) {
        return g.city().equals(main);
    }

    private boolean allowed(String city, String center) {
        return province || city.equals(center) || (mainOpen && center.equals(main));
    }

    private void take(Group g, String c, int sign) {
        quotaLeft.merge(g.specialty(), -sign * 1L, Long::sum);
        seatsLeft.merge(c, -sign * 1L, Long::sum);
        if (isMainCity(g)) {
            capLeft -= sign;
        }
    }

    private boolean completableAfterTaking(Group g, String c) {
        String ref = g.unused().remove(0);
        take(g, c, +1);
        boolean completable = completable();
        take(g, c, -1);
        g.unused().add(0, ref);
        return completable;
    }

    /** §4: the maximum flow of the documented network equals the seats left. */
    private boolean completable() {
        long seatsTotal = total(seatsLeft);
        if (seatsTotal == 0) {
            return true;
        }
        int source = 0;
        int sink = 1;
        int in = 2;
        int out = 3;
        int firstSpecialty = 4;
        int firstGroup = firstSpecialty + specialties.size();
        int firstCenter = firstGroup + groups.size();
        int size = firstCenter + centers.size();
        long[][] capacity = new long[size][size];
        for (int si = 0; si < specialties.size(); si++) {
            capacity[source][firstSpecialty + si] = quotaLeft.get(specialties.get(si));
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            int node = firstGroup + gi;
            if (g.unused().isEmpty() || quotaLeft.get(g.specialty()) <= 0) {
                continue;
            }
            capacity[firstSpecialty + specialties.indexOf(g.specialty())][node] = g.unused().size();
            if (isMainCity(g)) {
                capacity[node][in] = INFINITE;
                continue;
            }
            for (int ci = 0; ci < centers.size(); ci++) {
                String c = centers.get(ci);
                if (seatsLeft.get(c) > 0 && allowed(g.city(), c)) {
                    capacity[node][firstCenter + ci] = INFINITE;
                }
            }
        }
        capacity[in][out] = capLeft;
        for (int ci = 0; ci < centers.size(); ci++) {
            String c = centers.get(ci);
            if (seatsLeft.get(c) > 0) {
                if (province || c.equals(main)) {
                    capacity[out][firstCenter + ci] = INFINITE;
                }
                capacity[firstCenter + ci][sink] = seatsLeft.get(c);
            }
        }
        return maxFlow(capacity, source, sink) == seatsTotal;
    }

    /** Edmonds–Karp on a capacity matrix. */
    private static long maxFlow(long[][] capacity, int source, int sink) {
        long flow = 0;
        int[] parent = new int[capacity.length];
        while (true) {
            Arrays.fill(parent, -1);
            parent[source] = source;
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(source);
            while (!queue.isEmpty() && parent[sink] < 0) {
                int u = queue.poll();
                for (int v = 0; v < capacity.length; v++) {
                    if (parent[v] < 0 && capacity[u][v] > 0) {
                        parent[v] = u;
                        queue.add(v);
                    }
                }
            }
            if (parent[sink] < 0) {
                return flow;
            }
            long bottleneck = INFINITE;
            for (int v = sink; v != source; v = parent[v]) {
                bottleneck = Math.min(bottleneck, capacity[parent[v]][v]);
            }
            for (int v = sink; v != source; v = parent[v]) {
                capacity[parent[v]][v] -= bottleneck;
                capacity[v][parent[v]] += bottleneck;
            }
            flow += bottleneck;
        }
    }

    /** §5 reason(), on the initial state. */
    private String reason() {
        for (String s : specialties) {
            long available = 0;
            for (Group g : groups) {
                if (g.specialty().equals(s) && allowedSomewhere(g)) {
                    available += g.unused().size();
                }
            }
            if (available < quotaLeft.get(s)) {
                return "specialty=" + s;
            }
        }
        for (String c : centers) {
            long available = 0;
            for (Group g : groups) {
                if (allowed(g.city(), c)) {
                    available += g.unused().size();
                }
            }
            if (available < seatsLeft.get(c)) {
                return "center=" + c;
            }
        }
        long a = 0;
        long b = 0;
        for (Group g : groups) {
            if (allowedSomewhere(g)) {
                if (isMainCity(g)) {
                    b += g.unused().size();
                } else {
                    a += g.unused().size();
                }
            }
        }
        return a + Math.min(b, capLeft) < total(seatsLeft) ? "main-city-cap" : "combination";
    }

    private boolean allowedSomewhere(Group g) {
        return centers.stream().anyMatch(c -> allowed(g.city(), c));
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
