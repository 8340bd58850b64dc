package cn.hlj.remoteeval.tender;

import java.util.List;
import java.util.Map;

/**
 * What the expert draw must satisfy for a tender section, and the organisations its
 * conflict-of-interest rules (回避) compare experts against.
 *
 * @param committeeSize members of the evaluation committee, tenderer's representatives included
 * @param tendererRepresentatives members the tenderer sends itself (at most a third); not drawn
 * @param expertCountBySpecialty experts to draw per specialty code, in the order staff entered them;
 *        the counts add up to {@code committeeSize - tendererRepresentatives}
 * @param tenderer the tenderer (招标人) organisation, or null when not given
 * @param projectCode the project (项目编号) the section belongs to, or null when not given
 * @param bidders the bidders' organisations, known from bid opening on; empty before
 */
public record CommitteeRequirement(String tenderId, int committeeSize, int tendererRepresentatives,
        Map<String, Integer> expertCountBySpecialty, String tenderer, String projectCode, List<String> bidders) {

    public CommitteeRequirement {
        expertCountBySpecialty = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expertCountBySpecialty));
        bidders = List.copyOf(bidders);
    }

    /** How many experts the draw picks. */
    public int expertCount() {
        return committeeSize - tendererRepresentatives;
    }

    /**
     * The experts per specialty that the main venue's own draw fills when a partner province hosts the
     * rest of the experts (cross-province, plan through the exchange): largest-remainder apportionment of
     * {@link #expertCountBySpecialty()} to {@code localExpertSeats} of {@link #expertCount()} seats. Each
     * specialty first gets {@code floor(count × local / experts)}; the seats left go one each to the
     * specialties with the largest remainders {@code count × local mod experts}, equal remainders in the
     * order staff entered the specialties. Deterministic, never more than a specialty's count, and in
     * entry order; specialties that get no seat here are left out. Both sides of the border use this one
     * rule (src/docs/exchange/expert-split.md).
     *
     * @param localExpertSeats the expert seats at the main venue (its seats less the tenderer's representatives)
     * @throws IllegalArgumentException when {@code localExpertSeats} is negative or more than the experts
     * @throws IllegalStateException when the specialties' counts do not add up to the experts
     */
    public Map<String, Integer> localShare(int localExpertSeats) {
        int experts = expertCount();
        if (localExpertSeats < 0 || localExpertSeats > experts) {
            throw new IllegalArgumentException("local expert seats " + localExpertSeats + " outside 0.." + experts);
        }
        if (expertCountBySpecialty.values().stream().mapToInt(Integer::intValue).sum() != experts) {
            throw new IllegalStateException("the specialties' counts do not add up to the experts of tender " + tenderId);
        }
        List<String> codes = List.copyOf(expertCountBySpecialty.keySet());
        int[] shares = new int[codes.size()];
        long[] remainders = new long[codes.size()];
        int given = 0;
        for (int i = 0; i < codes.size(); i++) {
            long product = (long) expertCountBySpecialty.get(codes.get(i)) * localExpertSeats;
            shares[i] = experts == 0 ? 0 : (int) (product / experts);
            remainders[i] = experts == 0 ? 0 : product % experts;
            given += shares[i];
        }
        for (int left = localExpertSeats - given; left > 0; left--) {
            int largest = -1;
            for (int i = 0; i < codes.size(); i++) {
                // Strictly larger: an equal remainder further down the entry order never wins the tie.
                if (remainders[i] > 0 && (largest < 0 || remainders[i] > remainders[largest])) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = 0;
        }
        Map<String, Integer> share = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            if (shares[i] > 0) {
                share.put(codes.get(i), shares[i]);
            }
        }
        return java.util.Collections.unmodifiableMap(share);
    }

    /**
     * The experts per specialty the partner province draws for its sessions: each specialty's count less
     * its {@link #localShare(int) local share}, in entry order; specialties left entirely to the main
     * venue are left out.
     */
    public Map<String, Integer> partnerShare(int localExpertSeats) {
        Map<String, Integer> local = localShare(localExpertSeats);
        Map<String, Integer> share = new java.util.LinkedHashMap<>();
        expertCountBySpecialty.forEach((code, count) -> {
            int rest = count - local.getOrDefault(code, 0);
            if (rest > 0) {
                share.put(code, rest);
            }
        });
        return java.util.Collections.unmodifiableMap(share);
    }
}
