package cn.hlj.remoteeval.expert;

import java.time.Instant;

/**
 * The experts in service per specialty and city ({@link ExpertPool#inServiceCounts()}) may have changed:
 * an import that created or updated experts finished (one event per import, at its end), or an expert
 * was suspended, disqualified or reinstated. Leaves do not count: they do not take an expert out of
 * service. Published in the transaction of the change; it carries no expert, only when the change was made.
 *
 * @param at when the change was made
 */
public record ExpertPoolChanged(Instant at) {
}
