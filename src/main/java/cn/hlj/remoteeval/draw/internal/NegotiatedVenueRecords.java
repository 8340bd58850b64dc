package cn.hlj.remoteeval.draw.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.tender.TenderFacts;

/**
 * Records negotiated sub-venues (协商确定) in the draw chain, next to the venue draw that found no
 * random pick: same chain, same hashes, no seed (a random salt keys the result). For the negotiation
 * code of this module.
 */
@Component
class NegotiatedVenueRecords {

    /** Not an algorithm that can be rerun: the record states what was negotiated and on which free seats. */
    static final String ALGORITHM = "negotiated-venues/v1";

    private final DrawChain chain;
    private final SeatPlanLimits limits;
    private final DrawStore store;

    NegotiatedVenueRecords(DrawChain chain, SeatPlanLimits limits, DrawStore store) {
        this.chain = chain;
        this.limits = limits;
        this.store = store;
    }

    /** The seats per center (main venue included) of the tender's latest negotiated record. */
    Optional<Map<String, Integer>> latestPlan(String tenderId) {
        List<DrawRecord> negotiated = store.forTender(tenderId).stream()
                .filter(record -> record.kind() == DrawKind.NEGOTIATED_VENUES).toList();
        return negotiated.isEmpty() ? Optional.empty()
                : Optional.of(Canonical.decodeCounts(negotiated.get(negotiated.size() - 1).result()));
    }

    /**
     * Appends the record in the caller's transaction (the one that books the seats) and answers
     * it; its id is the record id to hand to {@code TenderDispatch.venuesNegotiated}.
     *
     * @param freeSeats the free seats per center read under the slot lock before booking
     * @param seatsByCenter the seats booked per center, main venue included
     * @param negotiatedBy the user who entered the negotiated venues
     */
    @Transactional(propagation = Propagation.MANDATORY)
    DrawRecord record(TenderFacts tender, Map<String, Integer> freeSeats, Map<String, Integer> seatsByCenter,
            String negotiatedBy) {
        VenueDrawRequest request = new VenueDrawRequest(tender.committeeSize(), tender.mainCenter(), tender.slot(), limits);
        Map<String, Integer> booked = new TreeMap<>();
        seatsByCenter.forEach((center, seats) -> {
            if (seats != null && seats > 0) {
                booked.put(center, seats);
            }
        });
        return chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.NEGOTIATED_VENUES, tender.id(), ALGORITHM,
                null, Canonical.encodeCounts(freeSeats), request.canonical(), Canonical.encodeCounts(booked),
                negotiatedBy), null);
    }
}
