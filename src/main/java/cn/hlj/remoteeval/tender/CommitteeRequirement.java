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
}
