package cn.hlj.remoteeval.draw.internal;

/**
 * The outcome of walking the chain: how many records it has and, when it is broken, the first
 * sequence number at fault and what is wrong there. {@code unusedNotices} counts draw notices no draw
 * names: attempts that did not complete (a failed draw, an unreachable beacon). They do not break the
 * chain, but each one is visible, which is what keeps anyone from drawing again until a wanted result.
 */
record ChainVerification(long records, boolean intact, Long firstBrokenSeq, Problem problemCode, String problem,
        long unusedNotices) {

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
        HEAD_MISMATCH,
        /** A random draw after the first notice names no earlier notice: it ran without a prior commitment. */
        NO_PRIOR_NOTICE,
        /** A draw's notice is of another subject or kind, or committed to another seed, or is not what it names. */
        NOTICE_MISMATCH,
        /** A notice, or a seed commitment, was used by a second draw: the draw was run again. */
        NOTICE_REUSED,
        /** A draw's eligible list was read before its notice was written, or after the draw was recorded. */
        COMMITMENT_AFTER_SNAPSHOT,
        /** A draw's entropy is not what its notice planned, existed before the snapshot, or its signature fails. */
        ENTROPY_INVALID
    }

    static ChainVerification intact(long records, long unusedNotices) {
        return new ChainVerification(records, true, null, null, null, unusedNotices);
    }

    static ChainVerification broken(long records, long seq, Problem problem, String description) {
        return new ChainVerification(records, false, seq, problem, description, 0);
    }
}
