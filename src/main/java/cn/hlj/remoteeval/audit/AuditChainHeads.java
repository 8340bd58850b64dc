package cn.hlj.remoteeval.audit;

import java.util.Optional;

/**
 * The audit chain as a publisher of its head sees it: its head once everything committed is sealed,
 * and which entry hash a seal number holds now. Nothing of an entry but its hash leaves the module.
 */
public interface AuditChainHeads {

    /** Seals what is committed, then answers the head; {@code (0, 64 × '0')} for an empty chain. */
    Head sealAndReadHead();

    /** The stored entry hash at the seal number; empty when no entry has it (any more). */
    Optional<String> entryHashAt(long sealNo);

    record Head(long sealNo, String hash) {
    }
}
