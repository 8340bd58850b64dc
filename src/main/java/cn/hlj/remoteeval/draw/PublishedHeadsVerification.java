package cn.hlj.remoteeval.draw;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of comparing every published head statement with the chains as they are now. A chain
 * whose tail was rewritten with every hash and its head recomputed passes its own walk, but no longer
 * holds a hash published before the rewrite: that shows here, by the statement's date and position.
 *
 * @param statements how many statements were checked
 * @param findings every statement and chain at fault, oldest statement first; empty when intact
 */
public record PublishedHeadsVerification(int statements, boolean intact, List<Finding> findings) {

    public PublishedHeadsVerification {
        findings = List.copyOf(findings);
    }

    public static PublishedHeadsVerification of(int statements, List<Finding> findings) {
        return new PublishedHeadsVerification(statements, findings.isEmpty(), findings);
    }

    /**
     * @param position the draw chain's sequence number or the audit chain's seal number the statement
     *        published; null for a signature fault
     */
    public record Finding(LocalDate date, Fault fault, Long position, String problem) {
    }

    public enum Fault {
        /** The statement's signature does not verify under this province's exchange key: the statement was changed. */
        SIGNATURE_INVALID,
        /** The draw record at the published sequence number has another hash now: the chain was rewritten up to there. */
        DRAW_HASH_MISMATCH,
        /** No draw record has the published sequence number any more: the tail was deleted. */
        DRAW_RECORD_MISSING,
        /** The audit entry at the published seal number has another hash now. */
        AUDIT_HASH_MISMATCH,
        /** No audit entry has the published seal number any more. */
        AUDIT_ENTRY_MISSING
    }
}
