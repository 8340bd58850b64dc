package cn.hlj.remoteeval.tender;

import java.time.Instant;
import java.util.List;

import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.scope.Scope;

/**
 * A tender section's scope is settled: cross-province, intra-province (in or outside the rollout),
 * or exempt by the tenderer's declaration.
 *
 * @param rollout {@code null} for an exempt tender, to which the rollout does not apply
 */
public record TenderClassified(String tenderId, Scope scope, List<String> scopeReasons, RolloutStatus rollout,
        TenderState state, Instant classifiedAt) {
}
