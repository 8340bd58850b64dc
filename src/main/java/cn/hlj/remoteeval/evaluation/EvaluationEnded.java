package cn.hlj.remoteeval.evaluation;

import java.time.Instant;

/**
 * The committee's report is signed and the evaluation of the tender is over: the secrecy period
 * of its draws ends. The evaluation-day process (next capability) publishes it.
 */
public record EvaluationEnded(String tenderId, Instant endedAt) {
}
