package cn.hlj.remoteeval.crossprovince;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sub-venue sessions a partner province holds for one of this province's cross-province tenders,
 * as its offer fixed them through the exchange: opaque session references, never the partner's centers.
 * The hand-over of their A/V material arrives by message and is receipted through here.
 */
public interface PartnerSessions {

    /** One partner session: the partner's code, the session's opaque reference, its seats. */
    record PartnerSession(String partner, String sessionRef, int seats) {
    }

    /** One file of a partner session's A/V material, with the SHA-256 the main venue verifies. */
    record Item(int no, String fileName, String sha256) {
    }

    /**
     * A partner session's A/V material as the partner handed it over.
     *
     * @param medium as the message set names it: ONLINE, DISC or DRIVE
     */
    record PartnerMaterial(String partner, String sessionRef, String medium, Instant handedAt, List<Item> items) {

        public PartnerMaterial {
            items = List.copyOf(items);
        }
    }

    /** Empty unless the tender's current plan came through the exchange. */
    List<PartnerSession> ofTender(String tenderId);

    /** The material of a partner session, once it arrived. */
    Optional<PartnerMaterial> materialOf(String tenderId, String sessionRef);

    /**
     * The main venue received and verified a partner session's material: the partner is sent its receipt.
     * Must run in the transaction that records the receipt, so that the receipt leaves only if it holds.
     */
    void receipted(String tenderId, String sessionRef, Instant receivedAt, int itemCount);
}
