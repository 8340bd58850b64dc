package cn.hlj.remoteeval.audit;

/**
 * The outcome of walking the audit chain: how many entries are sealed, whether the chain is
 * intact and, when not, the first seal number at fault and what is wrong there; and how many
 * entries still wait for the sealer. Carries no actor, action or detail, so it can be shown to
 * the operator without showing who did what.
 *
 * @param oldestUnsealedAgeSeconds how long ago the oldest unsealed entry occurred; null when none waits
 */
public record AuditChainVerification(long sealed, boolean intact, Long firstBrokenSealNo, Fault fault, String problem,
        long unsealed, Long oldestUnsealedAgeSeconds) {

    public enum Fault {
        /** An entry's fields do not give its entry hash: the entry was changed. */
        HASH_MISMATCH,
        /** An entry's previous hash is not the entry hash of the one before it: the one before was replaced. */
        BROKEN_LINK,
        /** A seal number is missing: an entry was deleted (or the numbering does not start at 1). */
        GAP,
        /** The chain head does not name the last sealed entry: the last entries were deleted, or sealed around the sealer. */
        HEAD_MISMATCH,
        /** An entry has waited for the sealer far longer than its schedule allows: the sealer is not running. */
        UNSEALED_TOO_LONG
    }
}
