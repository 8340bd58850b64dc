package cn.hlj.remoteeval.crossprovince.jointtest;

import java.time.Instant;
import java.util.List;

/**
 * A joint-test run as the API shows it.
 *
 * @param movedPartner whether this run moved the partner from "negotiating" to "joint test passed"
 */
record JointTestRunView(String id, String partner, Instant startedAt, Instant finishedAt, String startedBy,
        boolean passed, boolean movedPartner, List<Result> results) {

    /**
     * One scenario's outcome.
     *
     * @param scenario the scenario's code ({@code CONNECTIVITY}, …)
     * @param name its name as staff read it (连通与签名, …)
     * @param description what it proves (English, for the partner's engineers too)
     */
    record Result(String scenario, String name, String description, boolean passed, String detail, long durationMs) {

        static Result of(String scenario, boolean passed, String detail, long durationMs) {
            JointTestScenario known = known(scenario);
            return new Result(scenario, known == null ? scenario : known.label(),
                    known == null ? null : known.description(), passed, detail, durationMs);
        }

        int order() {
            JointTestScenario known = known(scenario);
            return known == null ? Integer.MAX_VALUE : known.ordinal();
        }

        private static JointTestScenario known(String scenario) {
            for (JointTestScenario candidate : JointTestScenario.values()) {
                if (candidate.name().equals(scenario)) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
