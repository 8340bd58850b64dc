package cn.hlj.remoteeval.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The DMN table {@code bpmn/scope-decision.dmn} against policy 一(一), "及以上" meaning ≥. */
class ScopeDecisionTableUnitTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheShippedTable() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = ScopeDecisionTableUnitTest.class.getResourceAsStream("/bpmn/scope-decision.dmn")) {
            decision = dmn.parseDecision(ScopeDecision.DECISION_KEY, table);
        }
    }

    static Stream<Arguments> thresholds() {
        List<Arguments> cases = new ArrayList<>();
        addBoundary(cases, "CONSTRUCTION", null, "100000000.00", "CONSTRUCTION_THRESHOLD");
        addBoundary(cases, "GOODS", null, "20000000.00", "GOODS_THRESHOLD");
        addBoundary(cases, "SERVICES", null, "10000000.00", "SERVICES_THRESHOLD");
        addBoundary(cases, "EPC", "construction", "100000000.00", "EPC_CONSTRUCTION_PART_THRESHOLD");
        addBoundary(cases, "EPC", "goods", "20000000.00", "EPC_GOODS_PART_THRESHOLD");
        addBoundary(cases, "EPC", "services", "10000000.00", "EPC_SERVICES_PART_THRESHOLD");
        return cases.stream();
    }

    private static void addBoundary(List<Arguments> cases, String category, String part, String threshold,
            String reason) {
        BigDecimal exact = new BigDecimal(threshold);
        BigDecimal cent = new BigDecimal("0.01");
        cases.add(Arguments.of(category, part, exact.subtract(cent), "INTRA_PROVINCE", "BELOW_THRESHOLDS"));
        cases.add(Arguments.of(category, part, exact, "CROSS_PROVINCE", reason));
        cases.add(Arguments.of(category, part, exact.add(cent), "CROSS_PROVINCE", reason));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("thresholds")
    void decidesEachThresholdOneCentBelowExactlyAndOneCentAbove(String category, String part, BigDecimal amount,
            String scope, String reason) {
        VariableMap inputs = part == null ? inputs(category, amount, null, null, null)
                : inputs(category, new BigDecimal("1.00"), part.equals("construction") ? amount : BigDecimal.ZERO,
                        part.equals("goods") ? amount : BigDecimal.ZERO,
                        part.equals("services") ? amount : BigDecimal.ZERO);

        ScopeDecision result = evaluate(inputs);

        assertThat(result.scope()).isEqualTo(Scope.valueOf(scope));
        assertThat(result.reasons()).containsExactly(reason);
    }

    @Test
    void epcIsCrossProvinceWhenOnlyOnePartReachesItsOwnThreshold() {
        ScopeDecision result = evaluate(inputs("EPC", new BigDecimal("129999999.97"), new BigDecimal("99999999.99"),
                new BigDecimal("20000000.00"), new BigDecimal("9999999.98")));

        assertThat(result.scope()).isEqualTo(Scope.CROSS_PROVINCE);
        assertThat(result.reasons()).containsExactly("EPC_GOODS_PART_THRESHOLD");
    }

    @Test
    void epcIsJudgedByItsPartsNotByItsTotal() {
        ScopeDecision result = evaluate(inputs("EPC", new BigDecimal("129999999.96"), new BigDecimal("99999999.99"),
                new BigDecimal("19999999.99"), new BigDecimal("9999999.98")));

        assertThat(result.scope()).isEqualTo(Scope.INTRA_PROVINCE);
    }

    @Test
    void epcListsEveryPartOverItsThreshold() {
        ScopeDecision result = evaluate(inputs("EPC", new BigDecimal("140000000.00"), new BigDecimal("100000000.00"),
                new BigDecimal("20000000.00"), new BigDecimal("10000000.00")));

        assertThat(result.reasons()).containsExactly("EPC_CONSTRUCTION_PART_THRESHOLD", "EPC_GOODS_PART_THRESHOLD",
                "EPC_SERVICES_PART_THRESHOLD");
    }

    @ParameterizedTest(name = "{0} with shortage={1} regulation={2}")
    @CsvSource({
            "CONSTRUCTION, true,  false, EXPERT_SHORTAGE",
            "GOODS,        true,  false, EXPERT_SHORTAGE",
            "SERVICES,     false, true,  REGULATION_REQUIRES_CROSS_PROVINCE",
            "EPC,          false, true,  REGULATION_REQUIRES_CROSS_PROVINCE",
            "EPC,          true,  false, EXPERT_SHORTAGE" })
    void aFlagMakesASmallTenderCrossProvince(String category, boolean shortage, boolean regulation, String reason) {
        VariableMap inputs = category.equals("EPC")
                ? inputs(category, new BigDecimal("3.00"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)
                : inputs(category, new BigDecimal("1000.00"), null, null, null);
        inputs.putValue("expertShortage", shortage).putValue("regulationRequiresCrossProvince", regulation);

        ScopeDecision result = evaluate(inputs);

        assertThat(result.scope()).isEqualTo(Scope.CROSS_PROVINCE);
        assertThat(result.reasons()).containsExactly(reason);
    }

    @Test
    void listsEveryRuleThatFiredInTableOrder() {
        VariableMap inputs = inputs("SERVICES", new BigDecimal("10000000.00"), null, null, null)
                .putValue("expertShortage", true).putValue("regulationRequiresCrossProvince", true);

        assertThat(evaluate(inputs).reasons()).containsExactly("SERVICES_THRESHOLD", "EXPERT_SHORTAGE",
                "REGULATION_REQUIRES_CROSS_PROVINCE");
    }

    @Test
    void comparesAmountsExactlyWithoutRoundingThroughADouble() {
        BigDecimal justBelow = new BigDecimal("99999999.999999999999");
        // As a double the amount is exactly the threshold, and the tender would wrongly go cross-province.
        assertThat(justBelow.doubleValue()).isEqualTo(100_000_000d);

        ScopeDecision result = evaluate(inputs("CONSTRUCTION", justBelow, null, null, null));

        assertThat(result.scope()).isEqualTo(Scope.INTRA_PROVINCE);
    }

    @Test
    void neverMixesScopesAndAlwaysDecides() {
        String[] categories = { "CONSTRUCTION", "GOODS", "SERVICES", "EPC" };
        String[] amounts = { "0.01", "9999999.99", "10000000.00", "19999999.99", "20000000.00", "99999999.99",
                "100000000.00", "5000000000.00" };
        for (String category : categories) {
            for (String amount : amounts) {
                for (boolean flag : new boolean[] { false, true }) {
                    BigDecimal value = new BigDecimal(amount);
                    VariableMap inputs = category.equals("EPC") ? inputs(category, value, value, value, value)
                            : inputs(category, value, null, null, null);
                    inputs.putValue("expertShortage", flag);
                    DmnDecisionResult raw = dmn.evaluateDecision(decision, inputs);
                    assertThat(raw.getResultList()).as(category + " " + amount + " " + flag).isNotEmpty();
                    // fromRuleResults rejects an empty or mixed result; it must accept every one.
                    ScopeDecision.fromRuleResults(raw.getResultList());
                }
            }
        }
    }

    private static VariableMap inputs(String category, BigDecimal price, BigDecimal construction, BigDecimal goods,
            BigDecimal services) {
        return Variables.createVariables().putValue("category", category).putValue("estimatedPrice", price)
                .putValue("constructionPart", construction).putValue("goodsPart", goods)
                .putValue("servicesPart", services).putValue("expertShortage", false)
                .putValue("regulationRequiresCrossProvince", false);
    }

    private static ScopeDecision evaluate(VariableMap inputs) {
        List<Map<String, Object>> results = dmn.evaluateDecision(decision, inputs).getResultList();
        return ScopeDecision.fromRuleResults(results);
    }
}
