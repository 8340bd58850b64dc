package cn.hlj.remoteeval.draw.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tenders' venue and expert draws wait for a supervisor's own value (bean {@code drawEntropyPolicy}, read by
 * the lifecycle's gateways): those of the trading centers listed in
 * {@code remote-eval.draw-entropy.supervisor.centers}, or of all with {@code *}. A province turns it on center by
 * center, as each supervisors' office is ready to attend its draws.
 */
public class DrawEntropyPolicy {

    private final Set<String> centers;

    DrawEntropyPolicy(List<String> centers) {
        this.centers = centers.stream().map(String::strip).filter(code -> !code.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the supervisors of {@code mainCenter} commit a value before each venue and expert draw of its tenders. */
    public boolean supervisorAttends(String mainCenter) {
        return centers.contains("*") || centers.contains(mainCenter);
    }
}
