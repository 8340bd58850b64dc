package cn.hlj.remoteeval.draw;

import java.util.Optional;

/**
 * The draw chain as a publisher of its head sees it: where it ends now, and which record hash a
 * sequence number holds now. Nothing of a record but its hash leaves the module this way.
 */
public interface DrawChainHeads {

    /** The last sequence number and its record hash; {@code (0, 64 × '0')} for an empty chain. */
    Head head();

    /** The stored record hash at the sequence number; empty when no record has it (any more). */
    Optional<String> recordHashAt(long seq);

    record Head(long seq, String hash) {
    }
}
