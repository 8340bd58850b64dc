package cn.hlj.remoteeval.evaluation;

/**
 * A partner province reported the evaluation report signed for every seat of its session of one of this
 * province's tenders. Published by the module that receives the report, in the transaction that records
 * it, so that the evaluation day waiting for that session moves on in the same transaction. Lives here
 * rather than with its publisher so that the evaluation module depends on nothing cross-province.
 */
public record PartnerSessionSigned(String tenderId, String sessionRef) {
}
