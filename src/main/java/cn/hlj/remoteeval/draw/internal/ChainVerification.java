package cn.hlj.remoteeval.draw.internal;

/**
 * The outcome of walking the chain: how many records it has and, when it is broken, the first
 * sequence number at fault and what is wrong there.
 */
record ChainVerification(long records, boolean intact, Long firstBrokenSeq, Problem problemCode, String problem) {

    enum Problem {
        /** A sequence number is missing: a record was deleted. */
        RECORD_MISSING,
        /** A record's previous hash is not the record hash of the one before it. */
        PREVIOUS_HASH_MISMATCH,
        /** A record's eligible list does not match its eligible-list hash. */
        ELIGIBLE_LIST_CHANGED,
        /** A record's secret (seed or salt) is missing or does not match its seed commitment. */
        SECRET_CHANGED,
        /** A record's fields do not give its record hash. */
        RECORD_CHANGED,
        /** The chain head does not name the last record: the last record was deleted, or one was added around the appender. */
        HEAD_MISMATCH
    }

    static ChainVerification intact(long records) {
        return new ChainVerification(records, true, null, null, null);
    }

    static ChainVerification broken(long records, long seq, Problem problem, String description) {
        return new ChainVerification(records, false, seq, problem, description);
    }
}
