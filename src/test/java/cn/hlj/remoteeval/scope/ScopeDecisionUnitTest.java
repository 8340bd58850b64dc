package cn.hlj.remoteeval.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScopeDecisionUnitTest {

    @Test
    void anyCrossProvinceRuleMakesTheTenderCrossProvinceWithAllReasons() {
        ScopeDecision decision = ScopeDecision.fromRuleResults(List.of(
                Map.of("scope", "CROSS_PROVINCE", "reason", "GOODS_THRESHOLD"),
                Map.of("scope", "CROSS_PROVINCE", "reason", "EXPERT_SHORTAGE")));

        assertThat(decision.scope()).isEqualTo(Scope.CROSS_PROVINCE);
        assertThat(decision.reasons()).containsExactly("GOODS_THRESHOLD", "EXPERT_SHORTAGE");
    }

    @Test
    void aSingleIntraProvinceRuleMakesTheTenderIntraProvince() {
        ScopeDecision decision = ScopeDecision.fromRuleResults(
                List.of(Map.of("scope", "INTRA_PROVINCE", "reason", "BELOW_THRESHOLDS")));

        assertThat(decision.scope()).isEqualTo(Scope.INTRA_PROVINCE);
    }

    @Test
    void refusesATableThatDecidedNothing() {
        assertThatThrownBy(() -> ScopeDecision.fromRuleResults(List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATableThatContradictsItself() {
        assertThatThrownBy(() -> ScopeDecision.fromRuleResults(List.of(
                Map.of("scope", "CROSS_PROVINCE", "reason", "GOODS_THRESHOLD"),
                Map.of("scope", "INTRA_PROVINCE", "reason", "BELOW_THRESHOLDS"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("contradictory");
    }
}
