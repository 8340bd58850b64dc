package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.tender.CommitteeRequirement;

/** Each exclusion rule (回避) removes exactly the candidates it is about, with a recorded reason, unless switched off. */
class ExclusionRulesUnitTest {

    private static final String TENDERER = "黑龙江省龙江建设集团有限公司";
    private static final List<String> BIDDERS = List.of("哈尔滨市第一建筑工程有限公司", "大庆油田工程（集团）有限公司");
    private static final CommitteeRequirement TENDER = requirement(TENDERER, "HLJ-2034-0077", BIDDERS);

    private final ExclusionRules rules = new ExclusionRules(ExpertDrawPolicy.defaults());

    @Test
    void anExpertOfTheTenderersOwnStaffIsExcludedAndNamedByTheRule() {
        ExclusionRules.Screening screening = screen(rules, List.of(clean("e1"), employedBy("e2", TENDERER), clean("e3")));

        assertThat(screening.eligible()).extracting(ExpertCandidate::expertRef).containsExactly("e1", "e3");
        assertThat(screening.exclusions()).containsExactly(new Exclusion("e2", ExclusionRule.EMPLOYED_BY_TENDERER,
                "工作单位为本项目招标人（黑龙江省龙江建设集团有限公司）"));
    }

    @Test
    void anExpertEmployedByAnyBidderIsExcluded() {
        ExclusionRules.Screening screening = screen(rules, List.of(employedBy("e1", BIDDERS.get(1)), clean("e2"),
                employedBy("e3", BIDDERS.get(0))));

        assertThat(screening.eligible()).extracting(ExpertCandidate::expertRef).containsExactly("e2");
        assertThat(screening.exclusions()).extracting(Exclusion::expertRef, Exclusion::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("e1", ExclusionRule.EMPLOYED_BY_BIDDER),
                org.assertj.core.groups.Tuple.tuple("e3", ExclusionRule.EMPLOYED_BY_BIDDER));
        assertThat(screening.exclusions().get(0).reason()).isEqualTo("工作单位为本项目投标人（大庆油田工程（集团）有限公司）");
    }

    @Test
    void aDeclaredRelationWithTheTendererOrABidderExcludesAndOneWithAnotherOrganisationDoesNot() {
        ExpertCandidate withTenderer = candidate("e1", "某设计院", List.of("无关单位", TENDERER), List.of());
        ExpertCandidate withBidder = candidate("e2", "某设计院", List.of(BIDDERS.get(0)), List.of());
        ExpertCandidate withOther = candidate("e3", "某设计院", List.of("齐齐哈尔市某公司"), List.of());

        ExclusionRules.Screening screening = screen(rules, List.of(withTenderer, withBidder, withOther));

        assertThat(screening.eligible()).containsExactly(withOther);
        assertThat(screening.exclusions()).extracting(Exclusion::rule).containsOnly(ExclusionRule.DECLARED_RELATION);
        assertThat(screening.exclusions()).extracting(Exclusion::reason).containsExactly(
                "申报与本项目招标人或投标人（黑龙江省龙江建设集团有限公司）存在利害关系",
                "申报与本项目招标人或投标人（哈尔滨市第一建筑工程有限公司）存在利害关系");
    }

    @Test
    void anExpertWhoWorkedOnAnEarlierStageOfTheProjectIsExcluded() {
        ExpertCandidate earlier = candidate("e1", "某设计院", List.of(), List.of("HLJ-2030-0001", "hlj-2034-0077 "));
        ExpertCandidate otherProject = candidate("e2", "某设计院", List.of(), List.of("HLJ-2030-0001"));

        ExclusionRules.Screening screening = screen(rules, List.of(earlier, otherProject));

        assertThat(screening.eligible()).containsExactly(otherProject);
        assertThat(screening.exclusions()).containsExactly(new Exclusion("e1", ExclusionRule.EARLIER_STAGE,
                "参与过本项目（项目编号 HLJ-2034-0077）的前期工作"));
    }

    @Test
    void anExpertWhoEvaluatedForTheTendererMoreThanTheMaximumIsExcludedAndAtTheMaximumIsNot() {
        ExclusionRules.Screening screening = rules.screen(List.of(clean("e1"), clean("e2"), clean("e3")), TENDER,
                Map.of("e1", 3, "e2", 4), Set.of(), Set.of());

        assertThat(screening.eligible()).extracting(ExpertCandidate::expertRef).containsExactly("e1", "e3");
        assertThat(screening.exclusions()).containsExactly(new Exclusion("e2", ExclusionRule.FREQUENT_FOR_TENDERER,
                "近12个月为同一招标人评标 4 次，超过上限 3 次"));

        ExclusionRules strict = new ExclusionRules(new ExpertDrawPolicy(Locality.SAME_CITY, new Fraction(1, 3), 0,
                EnumSet.allOf(ExclusionRule.class)));
        assertThat(strict.screen(List.of(clean("e1"), clean("e3")), TENDER, Map.of("e1", 1), Set.of(), Set.of()).eligible())
                .extracting(ExpertCandidate::expertRef).containsExactly("e3");
    }

    @Test
    void anExpertAlreadyDrawnForTheTenderIsNeverDrawnAgainAndOneBookedInTheSlotIsNotDrawn() {
        ExclusionRules.Screening screening = rules.screen(List.of(clean("e1"), clean("e2"), clean("e3")), TENDER, Map.of(),
                Set.of("e1"), Set.of("e3"));

        assertThat(screening.eligible()).extracting(ExpertCandidate::expertRef).containsExactly("e2");
        assertThat(screening.exclusions()).containsExactly(
                new Exclusion("e1", ExclusionRule.ALREADY_DRAWN_FOR_TENDER, "已被抽取参加本标段评标，不再重复抽取"),
                new Exclusion("e3", ExclusionRule.BOOKED_IN_SLOT, "同一日期同一时段已被抽取参加其他项目评标"));
    }

    @Test
    void aCandidateMatchingSeveralRulesIsRecordedOnceWithTheFirstRule() {
        ExpertCandidate everything = candidate("e1", BIDDERS.get(0), List.of(TENDERER), List.of("HLJ-2034-0077"));

        ExclusionRules.Screening screening = rules.screen(List.of(everything), TENDER, Map.of("e1", 9), Set.of("e1"),
                Set.of("e1"));

        assertThat(screening.eligible()).isEmpty();
        assertThat(screening.exclusions()).extracting(Exclusion::rule).containsExactly(ExclusionRule.EMPLOYED_BY_BIDDER);
    }

    @Test
    void organisationNamesMatchWhateverTheirWidthSpacingCaseAndBrackets() {
        ExclusionRules.Screening screening = screen(rules, List.of(
                employedBy("e1", " 黑龙江省龙江建设集团 有限公司\u3000"),
                employedBy("e2", "大庆油田工程(集团)有限公司"),
                employedBy("e3", "大庆油田工程（集团）有限\u200B公司"),
                candidate("e4", "某设计院", List.of("哈尔滨市第一建筑工程有限公司 "), List.of()),
                employedBy("e5", "大庆油田工程集团有限公司")));

        assertThat(screening.eligible()).extracting(ExpertCandidate::expertRef).as("a different name stays").containsExactly("e5");
        assertThat(ExclusionRules.normalise("ＡＢＣ　Ｃｏ．（Ｌｔｄ）")).isEqualTo(ExclusionRules.normalise("abc co.(ltd)"))
                .isEqualTo("abcco.(ltd)");
        assertThat(ExclusionRules.normalise(null)).isEmpty();
    }

    @Test
    void noTendererAndNoBiddersYetRemoveNobodyThroughThoseRules() {
        CommitteeRequirement beforeBidOpening = requirement("  ", null, List.of());
        ExpertCandidate blankEmployer = employedBy("e1", " ");
        ExpertCandidate related = candidate("e2", "", List.of("", TENDERER), List.of("HLJ-2034-0077"));

        ExclusionRules.Screening screening = rules.screen(List.of(blankEmployer, related, employedBy("e3", TENDERER)),
                beforeBidOpening, Map.of("e2", 99), Set.of(), Set.of());

        assertThat(screening.eligible()).hasSize(3);
        assertThat(screening.exclusions()).isEmpty();
        assertThat(rules.screen(List.of(employedBy("e4", " ")), requirement(TENDERER, null, List.of(" ")), Map.of(), Set.of(),
                Set.of()).exclusions()).as("a blank employer matches no blank bidder").isEmpty();
    }

    @Test
    void aRuleSwitchedOffRemovesNobody() {
        List<ExpertCandidate> candidates = List.of(employedBy("e1", TENDERER), employedBy("e2", BIDDERS.get(0)),
                candidate("e3", "某设计院", List.of(TENDERER), List.of()),
                candidate("e4", "某设计院", List.of(), List.of("HLJ-2034-0077")), clean("e5"));
        for (ExclusionRule off : List.of(ExclusionRule.EMPLOYED_BY_TENDERER, ExclusionRule.EMPLOYED_BY_BIDDER,
                ExclusionRule.DECLARED_RELATION, ExclusionRule.EARLIER_STAGE, ExclusionRule.FREQUENT_FOR_TENDERER)) {
            EnumSet<ExclusionRule> enabled = EnumSet.allOf(ExclusionRule.class);
            enabled.remove(off);
            ExclusionRules lenient = new ExclusionRules(new ExpertDrawPolicy(Locality.SAME_CITY, new Fraction(1, 3), 3, enabled));

            ExclusionRules.Screening screening = lenient.screen(candidates, TENDER, Map.of("e5", 4), Set.of(), Set.of());

            assertThat(screening.exclusions()).as("%s off", off).hasSize(4).extracting(Exclusion::rule).doesNotContain(off);
        }
        assertThat(rules.screen(candidates, TENDER, Map.of("e5", 4), Set.of(), Set.of()).exclusions()).hasSize(5);
    }

    @Test
    void noReasonCarriesMoreThanTheRuleAnOrganisationAndCounts() {
        ExclusionRules.Screening screening = rules.screen(List.of(employedBy("e1", TENDERER), employedBy("e2", BIDDERS.get(1)),
                candidate("e3", "x", List.of(BIDDERS.get(0)), List.of()), candidate("e4", "x", List.of(), List.of("HLJ-2034-0077")),
                clean("e5"), clean("e6"), clean("e7")), TENDER, Map.of("e5", 5), Set.of("e6"), Set.of("e7"));

        assertThat(screening.exclusions()).hasSize(7).extracting(Exclusion::rule)
                .containsExactly(ExclusionRule.values());
        assertThat(screening.exclusions()).extracting(Exclusion::reason)
                .allSatisfy(reason -> assertThat(reason).doesNotContain("e1", "e2", "e3", "e4", "e5", "e6", "e7", "HRB", "DQ"));
    }

    @Test
    void aSeatedExpertIsRecheckedAgainstTheBiddersKnownAtConfirmationButNotAgainstHisOwnSeat() {
        CommitteeRequirement atDraw = requirement(TENDERER, "HLJ-2034-0077", List.of());
        List<ExpertCandidate> seated = List.of(clean("e1"), employedBy("e2", BIDDERS.get(1)), clean("e3"));
        assertThat(rules.screen(seated, atDraw, Map.of(), Set.of(), Set.of()).exclusions()).as("no bidders yet").isEmpty();

        ExclusionRules.Screening recheck = rules.recheckSeated(seated, TENDER, Map.of());

        assertThat(recheck.eligible()).extracting(ExpertCandidate::expertRef).containsExactly("e1", "e3");
        assertThat(recheck.exclusions()).extracting(Exclusion::expertRef, Exclusion::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("e2", ExclusionRule.EMPLOYED_BY_BIDDER));
    }

    private static ExclusionRules.Screening screen(ExclusionRules rules, List<ExpertCandidate> candidates) {
        return rules.screen(candidates, TENDER, Map.of(), Set.of(), Set.of());
    }

    static CommitteeRequirement requirement(String tenderer, String projectCode, List<String> bidders) {
        return new CommitteeRequirement("t-1", 7, 0, Map.of("A", 7), tenderer, projectCode, bidders);
    }

    private static ExpertCandidate clean(String ref) {
        return candidate(ref, "某设计研究院", List.of(), List.of());
    }

    private static ExpertCandidate employedBy(String ref, String employer) {
        return candidate(ref, employer, List.of(), List.of());
    }

    private static ExpertCandidate candidate(String ref, String employer, List<String> relations, List<String> projects) {
        return new ExpertCandidate(ref, "A", ExpertCategory.TECHNICAL, "HRB", employer, relations, projects);
    }
}
