package cn.hlj.remoteeval.evaluation;

import java.time.Instant;

/**
 * The committee's report is signed by every member and the evaluation of the tender is over: the
 * secrecy period of its draws ends and the A/V hand-over deadlines start.
 */
public record EvaluationEnded(String tenderId, Instant endedAt) {
}
