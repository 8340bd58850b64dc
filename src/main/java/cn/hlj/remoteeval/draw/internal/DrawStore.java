package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of the draw chain. There is no update or delete of a record: the only changes after an
 * insert are the chain head moving on and a seed being marked revealed.
 */
interface DrawStore {

    /** Reads the chain head and locks it until the caller's transaction ends. */
    ChainHead lockHead();

    /**
     * Reads and locks the chain head if no other transaction holds it, else answers empty at once: for
     * callers that must not hold a database connection while they wait (see {@link DrawNotices}).
     */
    Optional<ChainHead> tryLockHead();

    ChainHead head();

    void insert(DrawRecord record);

    /** Moves the head from where the caller locked it to the record just inserted. */
    void moveHead(ChainHead from, ChainHead to);

    void insertSecret(String drawId, String secretHex);

    Optional<DrawRecord> find(String drawId);

    Optional<SeedState> seedOf(String drawId);

    /** Every record, in sequence order. */
    List<DrawRecord> all();

    /** The records about one tender, oldest first. */
    List<DrawRecord> forTender(String tenderId);

    /** The secret of every record, by record id, revealed or not: for the server-side chain check only. */
    Map<String, String> allSecrets();

    /** Marks the secrets of all the tender's records revealed (once); answers how many were newly revealed. */
    int reveal(String tenderId, Instant revealedAt);
}
