package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A source of randomness that whoever runs the server does not control (the idea of RFC 3797): a public
 * beacon, a supervisor's contribution. A draw's notice fixes what each source will contribute (its plan)
 * before the value exists; after the eligible list is read the contribution is collected and mixed into
 * the seed, and anyone can later check it against the plan without the server.
 *
 * <p>Plans and contributions are canonical entries without the source's prefix; the notice and the record
 * write them as {@code <id>.<key>}.
 */
interface EntropySource {

    /** The name written into notices and records, e.g. {@code drand-quicknet}; a canonical key. */
    String id();

    /**
     * What this source will contribute to the draw about to be announced: a value that does not exist yet, or not
     * yet for the server. Empty when the source takes no part in this draw (no supervisor committed to it).
     */
    Optional<SortedMap<String, String>> plan(NoticeDraft notice);

    /** Whether the contribution can be had at all right now; asked only where the supervisor may draw alone. */
    default boolean reachable() {
        return true;
    }

    /**
     * The contribution the notice {@code noticeId} planned, once it exists; waits for it when it is due shortly.
     *
     * @throws EntropyUnavailableException when it cannot be had (beacon unreachable, not revealed)
     */
    SortedMap<String, String> collect(String noticeId, SortedMap<String, String> plan, Instant snapshotAt);

    /**
     * Checks a recorded contribution against its plan and the snapshot time, offline.
     *
     * @return the fault, in Chinese for the supervisor reading the chain check; empty when the contribution holds
     */
    Optional<String> check(SortedMap<String, String> plan, SortedMap<String, String> contribution, Instant snapshotAt);
}
