package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Storage of clues of wrongdoing. */
interface ClueStore {

    void insert(Clue clue);

    Optional<Clue> find(String id);

    /** The tender's clues, oldest report first. */
    List<Clue> ofTender(String tenderId);

    void receiptDeadlineOpened(String id, String deadlineId);

    void received(String id, String receivedBy, Instant receivedAt);

    void transferDeadlineOpened(String id, String deadlineId);

    void transferred(String id, TransferBody body, LocalDate transferredOn, String referenceNumber, String recordedBy,
            Instant recordedAt);
}
