package cn.hlj.remoteeval.draw.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.tender.CommitteeRequirement;

/**
 * Applies the exclusion rules (回避) switched on in the {@link ExpertDrawPolicy} to the candidates
 * of an expert draw. Pure: everything it needs is passed in. Organisation names and project codes
 * are compared after {@link #normalise}; a tenderer that is not given, or no bidders yet, removes
 * nobody through the rules that compare with them (they are checked again at confirmation, once the
 * bidders are known).
 */
@Component
class ExclusionRules {

    private final ExpertDrawPolicy policy;

    ExclusionRules(ExpertDrawPolicy policy) {
        this.policy = policy;
    }

    /**
     * The candidates that stay, in their given order, and one exclusion per removed candidate with the
     * first rule (in {@link ExclusionRule} order) that matched.
     *
     * @param evaluationsForTendererIn12Months evaluations each expert did for this tender's tenderer in
     *        the last 12 months, by expertRef (absent means 0)
     * @param alreadyDrawnForTender everyone ever drawn for this tender
     * @param bookedInSlot experts booked on another tender on this tender's date and half-day
     */
    Screening screen(List<ExpertCandidate> candidates, CommitteeRequirement requirement,
            Map<String, Integer> evaluationsForTendererIn12Months, Set<String> alreadyDrawnForTender,
            Set<String> bookedInSlot) {
        String tenderer = normalise(requirement.tenderer());
        String project = normalise(requirement.projectCode());
        List<String> bidders = requirement.bidders().stream().map(ExclusionRules::normalise).toList();
        List<ExpertCandidate> eligible = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (ExpertCandidate candidate : candidates) {
            Optional<Exclusion> exclusion = firstMatch(candidate, requirement, tenderer, bidders, project,
                    evaluationsForTendererIn12Months.getOrDefault(candidate.expertRef(), 0), alreadyDrawnForTender,
                    bookedInSlot);
            if (exclusion.isPresent()) {
                exclusions.add(exclusion.get());
            } else {
                eligible.add(candidate);
            }
        }
        return new Screening(eligible, exclusions);
    }

    /**
     * The conflict-of-interest rules again, for experts already seated, once the bidders are known
     * (at confirmation): the same rules as {@link #screen} except {@link ExclusionRule#ALREADY_DRAWN_FOR_TENDER}
     * and {@link ExclusionRule#BOOKED_IN_SLOT}, which a seated expert matches by being seated. A
     * removed expert's seat goes to a supplementary draw.
     */
    Screening recheckSeated(List<ExpertCandidate> seated, CommitteeRequirement requirement,
            Map<String, Integer> evaluationsForTendererIn12Months) {
        return screen(seated, requirement, evaluationsForTendererIn12Months, Set.of(), Set.of());
    }

    private Optional<Exclusion> firstMatch(ExpertCandidate candidate, CommitteeRequirement requirement, String tenderer,
            List<String> bidders, String project, int evaluationsForTenderer, Set<String> alreadyDrawn, Set<String> booked) {
        String employer = normalise(candidate.employer());
        if (on(ExclusionRule.EMPLOYED_BY_TENDERER) && !tenderer.isEmpty() && employer.equals(tenderer)) {
            return exclude(candidate, ExclusionRule.EMPLOYED_BY_TENDERER, requirement.tenderer().strip());
        }
        if (on(ExclusionRule.EMPLOYED_BY_BIDDER) && !employer.isEmpty()) {
            int bidder = bidders.indexOf(employer);
            if (bidder >= 0) {
                return exclude(candidate, ExclusionRule.EMPLOYED_BY_BIDDER, requirement.bidders().get(bidder).strip());
            }
        }
        if (on(ExclusionRule.DECLARED_RELATION)) {
            for (String relation : candidate.declaredRelations()) {
                String related = normalise(relation);
                if (related.isEmpty()) {
                    continue;
                }
                if (related.equals(tenderer)) {
                    return exclude(candidate, ExclusionRule.DECLARED_RELATION, requirement.tenderer().strip());
                }
                int bidder = bidders.indexOf(related);
                if (bidder >= 0) {
                    return exclude(candidate, ExclusionRule.DECLARED_RELATION, requirement.bidders().get(bidder).strip());
                }
            }
        }
        if (on(ExclusionRule.EARLIER_STAGE) && !project.isEmpty()
                && candidate.earlierProjectCodes().stream().map(ExclusionRules::normalise).anyMatch(project::equals)) {
            return exclude(candidate, ExclusionRule.EARLIER_STAGE, requirement.projectCode().strip());
        }
        int maximum = policy.maxEvaluationsPerTendererIn12Months();
        if (on(ExclusionRule.FREQUENT_FOR_TENDERER) && !tenderer.isEmpty() && evaluationsForTenderer > maximum) {
            return exclude(candidate, ExclusionRule.FREQUENT_FOR_TENDERER, evaluationsForTenderer, maximum);
        }
        if (on(ExclusionRule.ALREADY_DRAWN_FOR_TENDER) && alreadyDrawn.contains(candidate.expertRef())) {
            return exclude(candidate, ExclusionRule.ALREADY_DRAWN_FOR_TENDER);
        }
        if (on(ExclusionRule.BOOKED_IN_SLOT) && booked.contains(candidate.expertRef())) {
            return exclude(candidate, ExclusionRule.BOOKED_IN_SLOT);
        }
        return Optional.empty();
    }

    private boolean on(ExclusionRule rule) {
        return policy.enabled(rule);
    }

    private static Optional<Exclusion> exclude(ExpertCandidate candidate, ExclusionRule rule, Object... arguments) {
        return Optional.of(new Exclusion(candidate.expertRef(), rule, rule.reason(arguments)));
    }

    /**
     * An organisation name or project code as compared: Unicode NFKC (full-width letters, digits and
     * brackets such as （） become their half-width forms), without any whitespace or zero-width
     * character, in lower case. Null gives the empty string, which matches nothing.
     */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder normalised = new StringBuilder();
        Normalizer.normalize(name, Normalizer.Form.NFKC).codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !isZeroWidth(cp))
                .forEach(normalised::appendCodePoint);
        return normalised.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isZeroWidth(int codePoint) {
        return codePoint == 0x200B || codePoint == 0x200C || codePoint == 0x200D || codePoint == 0x2060
                || codePoint == 0xFEFF;
    }

    /** The candidates that stay, in the given order, and why the others were removed. */
    record Screening(List<ExpertCandidate> eligible, List<Exclusion> exclusions) {

        Screening {
            eligible = List.copyOf(eligible);
            exclusions = List.copyOf(exclusions);
        }
    }
}
