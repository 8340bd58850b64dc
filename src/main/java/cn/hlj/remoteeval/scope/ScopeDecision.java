package cn.hlj.remoteeval.scope;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of the DMN decision {@code scope-decision}: the scope and every rule that fired.
 *
 * @param reasons reason codes in the order of the decision table's rules
 */
public record ScopeDecision(Scope scope, List<String> reasons) {

    public static final String DECISION_KEY = "scope-decision";

    public ScopeDecision {
        reasons = List.copyOf(reasons);
    }

    /**
     * Reads the rule results of the decision table (hit policy COLLECT, outputs {@code scope} and
     * {@code reason}). Any cross-province rule makes the tender cross-province; the table fires an
     * intra-province rule only when no cross-province rule can, so both at once means the table is broken.
     */
    public static ScopeDecision fromRuleResults(List<? extends Map<String, ?>> results) {
        if (results == null || results.isEmpty()) {
            throw new IllegalStateException("Decision " + DECISION_KEY + " matched no rule");
        }
        Set<Scope> scopes = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (Map<String, ?> result : results) {
            scopes.add(Scope.valueOf(String.valueOf(result.get("scope"))));
            reasons.add(String.valueOf(result.get("reason")));
        }
        if (scopes.size() != 1 || scopes.contains(Scope.EXEMPT)) {
            throw new IllegalStateException("Decision " + DECISION_KEY + " gave contradictory scopes " + scopes);
        }
        return new ScopeDecision(scopes.iterator().next(), List.copyOf(reasons));
    }
}
