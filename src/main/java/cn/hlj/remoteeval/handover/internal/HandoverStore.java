package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Storage of hand-overs, their items and the supervisor's actions on overdue duties. */
interface HandoverStore {

    void insert(AvHandover handover);

    Optional<AvHandover> find(String id);

    Optional<AvHandover> find(String tenderId, HandoverLeg leg, String legRef);

    /** The tender's hand-overs: sub-venue legs by session code, then the hand-over to the tenderer. */
    List<AvHandover> ofTender(String tenderId);

    /** Hand-overs of a leg not received yet, or opened after the given instant. */
    List<AvHandover> current(HandoverLeg leg, Instant openedAfter);

    void deadlineOpened(String id, String deadlineId, LocalDate dueDate);

    void handedOver(String id, HandoverState state, Medium medium, List<SealedItem> items, String handedBy,
            Instant handedAt, String tendererReceiver, Instant recordedAt);

    void received(String id, String receivedBy, Instant receivedAt);

    void reminded(String id, Instant at);

    void breached(String id, Instant at);

    List<SealedItem> items(String id);

    void supervised(Supervision supervision);
}
